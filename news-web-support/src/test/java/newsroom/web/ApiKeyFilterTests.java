package newsroom.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import newsroom.web.WebGuardsProperties.ApiKeySettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests need a key: every write whatever its path, admin paths for every method,
 * reads only when the service asks for it; also when the path is spelled so that a naive
 * prefix check would miss it.
 */
class ApiKeyFilterTests {

	private static final ApiKeys KEYS = ApiKeys
		.load(new ApiKeySettings(List.of("the-key"), null, List.of(), List.of(), false));

	@ParameterizedTest(name = "{0} {1} (servlet path {2}), reads need a key: {3} -> {4}")
	@CsvSource(delimiter = '|', textBlock = """
			POST    | /api/items           | /api/items        | false | 401
			PUT     | /api/items/1         | /api/items/1      | false | 401
			PATCH   | /api/items/1         | /api/items/1      | false | 401
			DELETE  | /api/items/1         | /api/items/1      | false | 401
			POST    | /actuator/shutdown   | /actuator/shutdown| false | 401
			POST    | /anything/else       | /anything/else    | false | 401
			GET     | /api/items           | /api/items        | false | 200
			HEAD    | /api/items           | /api/items        | false | 200
			OPTIONS | /api/items           | /api/items        | false | 200
			GET     | /api/admin/state     | /api/admin/state  | false | 401
			GET     | /api/admin           | /api/admin        | false | 401
			GET     | //api/admin/state    | /api/admin/state  | false | 401
			GET     | /api/x/../admin/state| /api/admin/state  | false | 401
			GET     | /api/admin;x=1/state | /api/admin/state  | false | 401
			GET     | /api/items           | /api/items        | true  | 401
			GET     | /api                 | /api              | true  | 401
			GET     | /page                | /page             | true  | 200
			GET     | /actuator/health     | /actuator/health  | true  | 200
			""")
	void requiresTheKeyWhereTheServiceSays(String method, String uri, String servletPath, boolean readsRequireKey,
			int expected) throws Exception {
		ApiKeyFilter filter = new ApiKeyFilter(KEYS,
				new ApiKeySettings(List.of(), null, List.of("/api/admin/**"), List.of("/api/**"), readsRequireKey));

		assertThat(status(filter, request(method, uri, servletPath, null))).isEqualTo(expected);
		assertThat(status(filter, request(method, uri, servletPath, "not-the-key"))).isEqualTo(expected);
		assertThat(status(filter, request(method, uri, servletPath, "the-key"))).isEqualTo(200);
	}

	@ParameterizedTest
	@CsvSource({ "POST, /api/items", "GET, /api/admin/state" })
	void letsEverythingThroughWithoutKeys(String method, String uri) throws Exception {
		ApiKeys none = ApiKeys.load(new ApiKeySettings(List.of(), null, List.of(), List.of(), false));
		ApiKeyFilter filter = new ApiKeyFilter(none,
				new ApiKeySettings(List.of(), null, List.of("/api/admin/**"), List.of("/api/**"), true));

		assertThat(status(filter, request(method, uri, uri, null))).isEqualTo(200);
	}

	static MockHttpServletRequest request(String method, String uri, String servletPath, String key) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		request.setServletPath(servletPath);
		if (key != null) {
			request.addHeader("X-Api-Key", key);
		}
		return request;
	}

	private static int status(ApiKeyFilter filter, MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, response, chain);
		if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
			assertThat(chain.getRequest()).as("the request went on although refused").isNull();
			assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("ApiKey header=\"X-Api-Key\"");
			assertThat(response.getContentType()).startsWith("application/problem+json");
		}
		return response.getStatus();
	}

}
