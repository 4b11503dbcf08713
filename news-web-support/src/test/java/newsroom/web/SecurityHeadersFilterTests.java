package newsroom.web;

import java.util.List;

import newsroom.web.WebGuardsProperties.HeaderSettings;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy each page gets: the strict one everywhere, inline styles (never inline
 * scripts) only on the pages named for it, also when the path is spelled to dodge them.
 */
class SecurityHeadersFilterTests {

	private final SecurityHeadersFilter filter = new SecurityHeadersFilter(new HeaderSettings(true,
			WebGuardsProperties.STRICT_POLICY, "no-referrer", "DENY", List.of("/swagger-ui/**")));

	@Test
	void sendsTheStrictPolicyOutsideTheNamedPages() throws Exception {
		for (String path : List.of("/", "/app.js", "/api/v1/search", "/swagger-ui.html")) {
			assertThat(policy(path)).as(path).isEqualTo(WebGuardsProperties.STRICT_POLICY);
		}
	}

	@Test
	void allowsInlineStylesButNoInlineScriptOnTheNamedPages() throws Exception {
		for (String path : List.of("/swagger-ui/index.html", "//swagger-ui/index.html")) {
			String policy = policy(path);
			assertThat(policy).as(path)
				.contains("style-src 'unsafe-inline' 'self';", "script-src 'self';", "frame-ancestors 'none'");
			assertThat(policy.replace("style-src 'unsafe-inline'", "")).doesNotContain("unsafe-inline");
		}
	}

	@Test
	void addsAStyleDirectiveToAPolicyWithoutOne() {
		HeaderSettings settings = new HeaderSettings(true, "default-src 'self';", "no-referrer", "DENY", List.of());

		assertThat(settings.inlineStylePolicy()).isEqualTo("default-src 'self'; style-src 'self' 'unsafe-inline'");
	}

	private String policy(String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServletPath(path.replace("//", "/"));
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		return response.getHeader("Content-Security-Policy");
	}

}
