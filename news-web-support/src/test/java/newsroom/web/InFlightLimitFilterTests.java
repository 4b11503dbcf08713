package newsroom.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import newsroom.web.WebGuardsProperties.InFlightLimitSettings;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The in-flight limit's count: a place is taken for each request under the limited paths,
 * given back when it leaves the service even by an exception, and a request that finds no
 * place is refused without reaching the service.
 */
class InFlightLimitFilterTests {

	private final InFlightLimitFilter filter = new InFlightLimitFilter(
			new InFlightLimitSettings(true, 1, Duration.ofSeconds(3), List.of("/api/**")));

	@Test
	void refusesARequestWhileAnotherHoldsTheOnlyPlace() throws Exception {
		MockHttpServletResponse[] inner = new MockHttpServletResponse[1];
		boolean[] reachedService = new boolean[1];
		FilterChain holding = (request, response) -> {
			assertThat(this.filter.open()).isEqualTo(1);
			inner[0] = send("/api/items", (nested, answer) -> reachedService[0] = true);
		};

		MockHttpServletResponse outer = send("/api/items", holding);

		assertThat(outer.getStatus()).isEqualTo(200);
		assertThat(inner[0].getStatus()).isEqualTo(503);
		assertThat(inner[0].getHeader("Retry-After")).isEqualTo("3");
		assertThat(inner[0].getContentAsString()).contains("\"status\":503", "working on 1 requests already");
		assertThat(reachedService[0]).isFalse();
		assertThat(this.filter.open()).isZero();
	}

	@Test
	void givesThePlaceBackWhenTheServiceThrows() throws Exception {
		assertThatIllegalStateException().isThrownBy(() -> send("/api/items", (request, response) -> {
			throw new IllegalStateException("failed on purpose");
		}));

		assertThat(this.filter.open()).isZero();
		assertThat(send("/api/items", (request, response) -> {
		}).getStatus()).isEqualTo(200);
	}

	@Test
	void neverCountsPathsOutsideItsPatterns() throws Exception {
		MockHttpServletResponse[] probe = new MockHttpServletResponse[1];
		send("/api/items", (request, response) -> probe[0] = send("/actuator/health", (nested, answer) -> {
		}));

		assertThat(probe[0].getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse send(String path, FilterChain chain) throws IOException, ServletException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(ApiKeyFilterTests.request("GET", path, path, null), response, chain);
		return response;
	}

}
