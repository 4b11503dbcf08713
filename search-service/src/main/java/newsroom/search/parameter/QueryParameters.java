package newsroom.search.parameter;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The query parameters of a request, read by name as they were sent, as
 * {@link ParameterBinding} binds them: a parameter read once takes its first value, and
 * each value of a repeatable one is whole. For the endpoints that answer most requests:
 * binding a record through its constructor looks up each component's annotations, name
 * and type again on every request, a tenth of a dashboard search's CPU.
 *
 * @param request the request
 */
public record QueryParameters(HttpServletRequest request) {

	/**
	 * A parameter read once.
	 * @param name its name
	 * @return its first value, {@code null} when it was not sent
	 */
	public String first(String name) {
		String[] values = this.request.getParameterValues(name);
		return (values != null && values.length > 0) ? values[0] : null;
	}

	/**
	 * A repeatable parameter.
	 * @param name its name
	 * @return every value, in the order sent; empty when it was not sent
	 */
	public List<String> all(String name) {
		String[] values = this.request.getParameterValues(name);
		return (values != null) ? Arrays.asList(values) : List.of();
	}

}
