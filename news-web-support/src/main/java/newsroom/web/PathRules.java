package newsroom.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Path patterns ({@code /api/**}) matched against a request the way the container and
 * Spring MVC may each read it: the raw path and the container's normalised servlet path.
 * A request matches when either does, so that {@code //api} or {@code /x/../api} cannot
 * slip past a guard that the handler would then serve.
 */
final class PathRules {

	private final List<PathPattern> patterns;

	private PathRules(List<PathPattern> patterns) {
		this.patterns = patterns;
	}

	static PathRules of(List<String> patterns) {
		return new PathRules(patterns.stream()
			.map(String::strip)
			.filter((pattern) -> !pattern.isEmpty())
			.map(PathPatternParser.defaultInstance::parse)
			.toList());
	}

	boolean isEmpty() {
		return this.patterns.isEmpty();
	}

	boolean matches(HttpServletRequest request) {
		if (this.patterns.isEmpty()) {
			return false;
		}
		PathContainer raw = RequestPath.parse(request.getRequestURI(), request.getContextPath())
			.pathWithinApplication();
		String servletPath = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		// The servlet path is decoded already ("/feeds/%s" from "/feeds/%25s"): encoded
		// again, so that parsing it decodes it once, never twice.
		return matches(raw) || (!servletPath.isEmpty()
				&& matches(PathContainer.parsePath(UriUtils.encodePath(servletPath, StandardCharsets.UTF_8))));
	}

	private boolean matches(PathContainer path) {
		return this.patterns.stream().anyMatch((pattern) -> pattern.matches(path));
	}

	@Override
	public String toString() {
		return this.patterns.toString();
	}

}
