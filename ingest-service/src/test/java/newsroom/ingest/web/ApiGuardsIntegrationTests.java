package newsroom.ingest.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import newsroom.testkit.ApiCalls;
import newsroom.testkit.NewsroomServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared guards as ingest-service configures them, on the real server and broker:
 * keys from {@code NEWSROOM_API_KEYS}, from a secrets file and from the older
 * {@code newsroom.ingest.api-key}, all accepted; every write and admin endpoint refused
 * without one; a burst over the client's limit answered 429; no key in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
// NEWSROOM_API_KEYS as the environment gives it: application.yml merges it with the older
// setting.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "NEWSROOM_API_KEYS=ingest-current-key-5e2a91c4,ingest-burst-key-0b7d3f68",
				"newsroom.ingest.api-key=ingest-legacy-key-9c4e1a27", "newsroom.web.rate-limit.enabled=true",
				"newsroom.web.rate-limit.capacity=60", "newsroom.web.rate-limit.refill-tokens=1",
				"newsroom.web.rate-limit.refill-period=1h", "newsroom.ingest.feed.enabled=false",
				"logging.level.newsroom.web=DEBUG" })
class ApiGuardsIntegrationTests {

	static final String CURRENT = "ingest-current-key-5e2a91c4";

	static final String LEGACY = "ingest-legacy-key-9c4e1a27";

	static final String ROTATED = "ingest-rotated-key-3f8b6d02";

	static final String BURST = "ingest-burst-key-0b7d3f68";

	static final String WRONG = "ingest-wrong-key-77aa11bb";

	private static final String ARTICLE = """
			{"title": "Harbour cranes return to Valmora",
			 "text": "The port of Valmora put its rebuilt cranes back to work on Monday.", "source": "guards"}""";

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		NewsroomServers.registerKafka(registry);
		String file = ApiCalls.keyFile("# the key being rotated in", ROTATED).toString();
		registry.add("newsroom.web.api-keys.file", () -> file);
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@CsvSource({ "POST, /api/v1/articles, application/json", "POST, /api/v1/articles/batch, application/json",
			"POST, /api/v1/articles/batch, application/x-ndjson", "POST, /api/v1/fetch, application/json",
			"POST, /api/v1/feeds, application/json", "DELETE, /api/v1/feeds/8305bf1479cfa5ce33ff35abf9baaca1, ",
			"GET, /api/v1/feeds, ", "GET, /api/v1/feeds/8305bf1479cfa5ce33ff35abf9baaca1, " })
	void refusesEveryWriteAndAdminEndpointWithoutAValidKey(String method, String path, String contentType) {
		String body = (contentType == null) ? null : contentType.endsWith("json") ? "{}" : "{}\n";
		for (String key : new String[] { null, "", WRONG, CURRENT + "x" }) {
			HttpResponse<String> response = new ApiCalls(this.port).send(method, path, key, contentType, body);
			ApiCalls.assertUnauthorized(response, method + " " + path + " with key " + key);
		}
	}

	@Test
	void acceptsTheCurrentTheRotatedAndTheOlderSettingsKey() {
		for (String key : List.of(CURRENT, ROTATED, LEGACY)) {
			assertThat(send("GET", "/api/v1/feeds", key).statusCode()).as(key).isEqualTo(200);
			HttpResponse<String> accepted = send("POST", "/api/v1/articles", key, ARTICLE);
			assertThat(accepted.statusCode()).as(key).isEqualTo(202);
		}
		assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
	}

	@Test
	void answersABurstOverTheClientsLimitWith429AndRetryAfter() {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			statuses.add(send("GET", "/api/v1/feeds", BURST).statusCode());
		}
		HttpResponse<String> refused = send("GET", "/api/v1/feeds", BURST);

		assertThat(statuses).containsOnly(200);
		ApiCalls.assertTooManyRequests(refused);
		assertThat(send("GET", "/api/v1/feeds", CURRENT).statusCode()).as("another client").isEqualTo(200);
		assertThat(send("GET", "/actuator/health", BURST).statusCode()).as("probes are never limited").isEqualTo(200);
	}

	@Test
	void neverLogsAKey(CapturedOutput output) {
		for (String key : List.of(CURRENT, ROTATED, LEGACY, WRONG)) {
			send("POST", "/api/v1/feeds", key, "{\"url\": \"http://127.0.0.1/feed.xml\"}");
			send("DELETE", "/api/v1/feeds/0123", key);
		}
		assertThat(output.getAll()).contains("API keys: 4 accepted", "Refused POST /api/v1/feeds");
		assertThat(output.getAll()).doesNotContain(CURRENT, ROTATED, LEGACY, BURST, WRONG);
	}

	private HttpResponse<String> send(String method, String path, String key) {
		return new ApiCalls(this.port).send(method, path, key);
	}

	private HttpResponse<String> send(String method, String path, String key, String json) {
		return new ApiCalls(this.port).send(method, path, key, json);
	}

}
