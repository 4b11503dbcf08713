package newsroom.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import newsroom.web.WebGuardsProperties.HeaderSettings;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the security headers on every answer, the guards' refusals and error pages
 * included: the Content-Security-Policy (scripts, styles and images only from the service
 * itself, no framing), {@code X-Content-Type-Options: nosniff} (a JSON answer is never
 * read as HTML or script), the {@code Referrer-Policy} and {@code X-Frame-Options}. Pages
 * of third-party code that inserts style elements get the policy with inline styles
 * allowed, and nothing more.
 */
final class SecurityHeadersFilter extends OncePerRequestFilter {

	private final HeaderSettings settings;

	private final PathRules inlineStylePaths;

	private final String inlineStylePolicy;

	SecurityHeadersFilter(HeaderSettings settings) {
		this.settings = settings;
		this.inlineStylePaths = PathRules.of(settings.inlineStylePaths());
		this.inlineStylePolicy = settings.inlineStylePolicy();
	}

	/** Error pages are rendered on an error dispatch: they get the headers too. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", this.inlineStylePaths.matches(request) ? this.inlineStylePolicy
				: this.settings.contentSecurityPolicy());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", this.settings.referrerPolicy());
		response.setHeader("X-Frame-Options", this.settings.frameOptions());
		chain.doFilter(request, response);
	}

}
