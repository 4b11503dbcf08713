package newsroom.web;

import java.time.Duration;
import java.util.List;

import newsroom.web.WebGuardsProperties.ApiKeySettings;
import newsroom.web.WebGuardsProperties.RateLimitSettings;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who a client is, and that each has a bucket of its own: a valid key, else the address
 * (an IPv6 address by its /64), never a key the service does not know.
 */
class RateLimitFilterTests {

	private static final ApiKeys KEYS = ApiKeys
		.load(new ApiKeySettings(List.of("key-one", "key-two"), null, List.of(), List.of(), false));

	private final RateLimitFilter filter = new RateLimitFilter(
			new RateLimitSettings(true, 2, 1, Duration.ofHours(1), List.of("/api/**"), 1000), KEYS);

	@Test
	void refusesTheThirdRequestOfAClientWithRetryAfter() throws Exception {
		assertThat(status("10.0.0.1", null, "/api/items")).isEqualTo(200);
		assertThat(status("10.0.0.1", null, "/api/items")).isEqualTo(200);
		MockHttpServletResponse refused = send("10.0.0.1", null, "/api/items");

		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		// One token back per hour, spread evenly: the next one is about an hour away.
		assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(3000L, 3600L);
		assertThat(refused.getContentAsString()).contains("\"status\":429", "retry in");
	}

	@Test
	void givesEachKeyAndAddressABucketOfItsOwn() throws Exception {
		for (int i = 0; i < 2; i++) {
			status("10.0.0.2", null, "/api/items");
		}
		assertThat(status("10.0.0.2", null, "/api/items")).isEqualTo(429);
		// A wrong key is no way out: it counts against the address.
		assertThat(status("10.0.0.2", "guessed-key", "/api/items")).isEqualTo(429);
		assertThat(status("10.0.0.2", "key-one", "/api/items")).isEqualTo(200);
		assertThat(status("10.0.0.2", "key-two", "/api/items")).isEqualTo(200);
		assertThat(status("10.0.0.3", null, "/api/items")).isEqualTo(200);
	}

	@Test
	void countsAnIpv6NetworkAsOneClient() throws Exception {
		assertThat(status("2001:db8:1:2::10", null, "/api/items")).isEqualTo(200);
		assertThat(status("2001:db8:1:2:ffff::1", null, "/api/items")).isEqualTo(200);
		assertThat(status("2001:db8:1:2::99", null, "/api/items")).isEqualTo(429);
		assertThat(status("2001:db8:1:3::10", null, "/api/items")).isEqualTo(200);
		assertThat(RateLimitFilter.network("2001:db8:1:2::10")).isEqualTo("20010db800010002::/64");
		assertThat(RateLimitFilter.network("192.0.2.1")).isEqualTo("192.0.2.1");
	}

	@Test
	void neverLimitsPathsOutsideItsPatterns() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(status("10.0.0.4", null, "/actuator/health")).isEqualTo(200);
		}
		assertThat(status("10.0.0.4", null, "/api/items")).isEqualTo(200);
	}

	private int status(String address, String key, String path) throws Exception {
		return send(address, key, path).getStatus();
	}

	private MockHttpServletResponse send(String address, String key, String path) throws Exception {
		MockHttpServletRequest request = ApiKeyFilterTests.request("GET", path, path, key);
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
