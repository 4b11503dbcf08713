package newsroom.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A limit that applies under some paths only ({@code /api/**}), never to health probes,
 * metrics or static files, so that an operator can always see a refusing service.
 */
abstract class PathLimitedFilter extends OncePerRequestFilter {

	private final PathRules paths;

	PathLimitedFilter(List<String> paths) {
		this.paths = PathRules.of(paths);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.paths.matches(request);
	}

}
