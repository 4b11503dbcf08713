package newsroom.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes a guard's refusal as RFC 9457 {@code application/problem+json}, shaped like the
 * services' own problem answers. Written here rather than by the services' exception
 * handlers, which run after the filters and differ from service to service.
 */
final class Problems {

	private static final JsonMapper json = JsonMapper.builder().build();

	private Problems() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		// JSON is UTF-8 by definition: no charset parameter, like the services' own
		// problems.
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(json.writeValueAsBytes(problem));
	}

}
