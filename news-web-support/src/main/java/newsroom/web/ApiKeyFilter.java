package newsroom.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import newsroom.web.WebGuardsProperties.ApiKeySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When API keys are configured, requires one in {@code X-Api-Key} for every write (any
 * method but GET, HEAD, OPTIONS and TRACE, whatever the path, so that a new endpoint
 * cannot be left open by mistake), for every request to an admin path, and for reads when
 * the service asks for it; 401 problem with {@code WWW-Authenticate} otherwise. Without
 * keys every request passes, as before keys existed. Neither the given key nor a
 * configured one is ever logged.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Api-Key";

	private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final String TITLE = "Missing or invalid API key";

	private final ApiKeys keys;

	private final PathRules adminPaths;

	private final PathRules readPaths;

	ApiKeyFilter(ApiKeys keys, ApiKeySettings settings) {
		this.keys = keys;
		this.adminPaths = PathRules.of(settings.adminPaths());
		this.readPaths = PathRules.of(settings.readsRequireKey() ? settings.readPaths() : List.of());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.keys.isEmpty() || !needsKey(request);
	}

	private boolean needsKey(HttpServletRequest request) {
		return !SAFE_METHODS.contains(request.getMethod()) || this.adminPaths.matches(request)
				|| this.readPaths.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		if (given == null || given.isBlank()) {
			reject(request, response, "This API requires the " + HEADER + " header");
			return;
		}
		if (this.keys.match(given).isEmpty()) {
			reject(request, response, "The " + HEADER + " header does not hold a valid key");
			return;
		}
		chain.doFilter(request, response);
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
		log.debug("Refused {} {} from {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
				detail);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + HEADER + "\"");
		Problems.write(request, response, HttpStatus.UNAUTHORIZED, TITLE, detail);
	}

}
