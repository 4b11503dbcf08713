package newsroom.ingest.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import newsroom.ingest.config.IngestProperties;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * When {@code newsroom.ingest.api-key} is set, requires it in the {@code X-Api-Key}
 * header of every {@code /api/**} request (401 otherwise). Actuator endpoints stay open
 * for probes and scrapers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Api-Key";

	private final Optional<byte[]> expected;

	private final HandlerExceptionResolver exceptionResolver;

	ApiKeyFilter(IngestProperties properties,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
		this.expected = properties.requiredApiKey().map((key) -> key.getBytes(StandardCharsets.UTF_8));
		this.exceptionResolver = exceptionResolver;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return this.expected.isEmpty() || !(path.equals("/api") || path.startsWith("/api/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		if (given == null || given.isBlank()) {
			reject(request, response, "This API requires the " + HEADER + " header");
			return;
		}
		// Constant-time comparison, so the key cannot be guessed from response times.
		if (!MessageDigest.isEqual(this.expected.get(), given.strip().getBytes(StandardCharsets.UTF_8))) {
			reject(request, response, "The " + HEADER + " header does not hold a valid key");
			return;
		}
		chain.doFilter(request, response);
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, String message) {
		this.exceptionResolver.resolveException(request, response, null, new ApiKeyRejectedException(message));
	}

}
