package newsroom.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PathRulesTests {

	private final PathRules api = PathRules.of(List.of("/api/**"));

	@Test
	void matchesTheRawPathOrTheServletPath() {
		assertThat(this.api.matches(request("/api/v1/articles", "/api/v1/articles"))).isTrue();
		// The container normalised "//api/v1/articles" before the handler saw it.
		assertThat(this.api.matches(request("//api/v1/articles", "/api/v1/articles"))).isTrue();
		assertThat(this.api.matches(request("/index.html", "/index.html"))).isFalse();
	}

	@Test
	void readsAnEscapedPercentSignOnce() {
		// "/api/v1/feeds/%25s%25n" arrives as the servlet path "/api/v1/feeds/%s%n":
		// decoding
		// that a second time would fail on "%s" and answer 500.
		assertThat(this.api.matches(request("/api/v1/feeds/%25s%25n", "/api/v1/feeds/%s%n"))).isTrue();
		assertThat(this.api.matches(request("/actuator/%25s%25n%25x", "/actuator/%s%n%x"))).isFalse();
	}

	private static MockHttpServletRequest request(String uri, String servletPath) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setServletPath(servletPath);
		return request;
	}

}
