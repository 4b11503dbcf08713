package newsroom.search;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import newsroom.testkit.ApiCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared guards as search-service configures them, on the real server, Kafka and
 * Elasticsearch, with keys from {@code NEWSROOM_API_KEYS} and a secrets file and the
 * optional key for reads switched on: every write or admin request (the alerts', and any
 * other method than a read, so a new one cannot be left open) and every API read is
 * refused without a valid key, both rotated keys pass, the dashboard's files and the
 * probes stay open, a burst over the client's limit is answered 429 with
 * {@code Retry-After}, and no key reaches the log. Its listener stays stopped: this
 * context must not join the shared context's consumer group.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "NEWSROOM_API_KEYS=search-current-key-7b1d0e94,search-burst-key-c3a85f20",
		"NEWSROOM_API_KEYS_FOR_READS=true", "newsroom.web.rate-limit.capacity=100",
		"newsroom.web.rate-limit.refill-tokens=1", "newsroom.web.rate-limit.refill-period=1h",
		"spring.kafka.listener.auto-startup=false", "logging.level.newsroom.web=DEBUG" })
class ApiGuardsIntegrationTests extends RealServersTestSupport {

	static final String CURRENT = "search-current-key-7b1d0e94";

	static final String ROTATED = "search-rotated-key-42e9a6d1";

	static final String BURST = "search-burst-key-c3a85f20";

	static final String WRONG = "search-wrong-key-9f00d2b7";

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void keyFile(DynamicPropertyRegistry registry) {
		String file = ApiCalls.keyFile("# the key being rotated in", ROTATED).toString();
		registry.add("NEWSROOM_API_KEYS_FILE", () -> file);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "POST, /api/v1/search", "PUT, /api/v1/articles/some-id", "PATCH, /api/v1/articles/some-id",
			"DELETE, /api/v1/articles/some-id", "POST, /api/v1/reindex", "POST, /actuator/refresh",
			"POST, /api/v1/alerts", "DELETE, /api/v1/alerts/some-id", "GET, /api/v1/alerts",
			"GET, /api/v1/alerts/some-id", "GET, /api/v1/alerts/some-id/matches", "GET, /api/v1/search?q=flood",
			"GET, /api/v1/suggest?prefix=flo", "GET, /api/v1/trends", "GET, /api/v1/articles/some-id",
			"GET, /api/v1/articles/some-id/related", "GET, /api/v1/search?q=flood&collapse=story",
			"GET, /api/v1/stories", "GET, /api/v1/stories/some-id" })
	void refusesEveryWriteAdminAndReadRequestWithoutAValidKey(String method, String path) {
		for (String key : new String[] { null, "", WRONG, CURRENT + "x" }) {
			HttpResponse<String> response = calls().send(method, path, key);
			ApiCalls.assertUnauthorized(response, method + " " + path + " with key " + key);
		}
	}

	@Test
	void letsBothRotatedKeysThrough() {
		for (String key : List.of(CURRENT, ROTATED)) {
			assertThat(calls().send("GET", "/api/v1/search?q=flood", key).statusCode()).as(key).isEqualTo(200);
			assertThat(calls().send("GET", "/api/v1/suggest?prefix=flo", key).statusCode()).as(key).isEqualTo(200);
			assertThat(calls().send("GET", "/api/v1/trends", key).statusCode()).as(key).isEqualTo(200);
			assertThat(calls().send("GET", "/api/v1/search?q=flood&collapse=story", key).statusCode()).as(key)
				.isEqualTo(200);
			assertThat(calls().send("GET", "/api/v1/stories", key).statusCode()).as(key).isEqualTo(200);
			// Past the guard: no such article or story, and no writes at all.
			assertThat(calls().send("GET", "/api/v1/articles/some-id", key).statusCode()).as(key).isEqualTo(404);
			assertThat(calls().send("GET", "/api/v1/stories/some-id", key).statusCode()).as(key).isEqualTo(404);
			assertThat(calls().send("DELETE", "/api/v1/articles/some-id", key).statusCode()).as(key).isEqualTo(405);
			// The alerts' writes: past the guard, a body that is no alert and an unknown
			// id.
			assertThat(calls().send("POST", "/api/v1/alerts", key).statusCode()).as(key).isEqualTo(400);
			assertThat(calls().send("DELETE", "/api/v1/alerts/some-id", key).statusCode()).as(key).isEqualTo(404);
		}
	}

	@Test
	void leavesTheDashboardAndTheProbesOpen() {
		for (String path : List.of("/", "/app.js", "/js/dom.js", "/app.css", "/actuator/health/liveness")) {
			assertThat(calls().send("GET", path, null).statusCode()).as(path).isEqualTo(200);
		}
	}

	@Test
	void answersABurstOverTheClientsLimitWith429AndRetryAfter() {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			statuses.add(calls().send("GET", "/api/v1/trends", BURST).statusCode());
		}
		HttpResponse<String> refused = calls().send("GET", "/api/v1/trends", BURST);

		assertThat(statuses).containsOnly(200);
		ApiCalls.assertTooManyRequests(refused);
		assertThat(calls().send("GET", "/api/v1/trends", CURRENT).statusCode()).as("another client").isEqualTo(200);
		assertThat(calls().send("GET", "/", BURST).statusCode()).as("the page is never limited").isEqualTo(200);
	}

	@Test
	void neverLogsAKey(CapturedOutput output) {
		for (String key : List.of(CURRENT, ROTATED, WRONG)) {
			calls().send("POST", "/api/v1/search", key);
			calls().send("GET", "/api/v1/trends", key);
		}
		assertThat(output.getAll()).contains("API keys: 3 accepted", "Refused POST /api/v1/search");
		assertThat(output.getAll()).doesNotContain(CURRENT, ROTATED, BURST, WRONG);
	}

	private ApiCalls calls() {
		return new ApiCalls(this.port);
	}

}
