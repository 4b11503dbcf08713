package newsroom.enrich.api;

import java.net.http.HttpResponse;
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
 * The shared guards as enrich-service configures them, on the real server: with keys from
 * {@code NEWSROOM_API_KEYS} and a secrets file, its one write endpoint refuses a request
 * without a valid key, accepts the current and the rotated key, and no key reaches the
 * log. The listener stays stopped: this context must not join the consumer group of the
 * other tests.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "NEWSROOM_API_KEYS=enrich-current-key-2d9f4b71",
				"spring.kafka.producer.transaction-id-prefix=enrich-guards-${random.uuid}-",
				"spring.kafka.listener.auto-startup=false", "logging.level.newsroom.web=DEBUG" })
class ApiGuardsIntegrationTests {

	static final String CURRENT = "enrich-current-key-2d9f4b71";

	static final String ROTATED = "enrich-rotated-key-6a0e3c58";

	static final String WRONG = "enrich-wrong-key-11c0ffee";

	private static final String ARTICLE = """
			{"title": "Floods hit the valley", "text": "Heavy rain flooded the lower valley on Monday."}""";

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		NewsroomServers.registerKafka(registry);
		String file = ApiCalls.keyFile(ROTATED).toString();
		registry.add("NEWSROOM_API_KEYS_FILE", () -> file);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "POST, /api/v1/enrich", "PUT, /api/v1/enrich", "DELETE, /api/v1/enrich" })
	void refusesEveryWriteWithoutAValidKey(String method, String path) {
		for (String key : new String[] { null, "", WRONG, CURRENT.substring(1) }) {
			HttpResponse<String> response = send(method, path, key);
			ApiCalls.assertUnauthorized(response, method + " " + path + " with key " + key);
		}
	}

	@Test
	void acceptsTheCurrentAndTheRotatedKey() {
		for (String key : List.of(CURRENT, ROTATED)) {
			HttpResponse<String> response = send("POST", "/api/v1/enrich", key);
			assertThat(response.statusCode()).as(key).isEqualTo(200);
			assertThat(response.body()).contains("\"language\":\"en\"");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		}
		assertThat(send("GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
	}

	@Test
	void neverLogsAKey(CapturedOutput output) {
		for (String key : List.of(CURRENT, ROTATED, WRONG)) {
			send("POST", "/api/v1/enrich", key);
		}
		assertThat(output.getAll()).contains("API keys: 2 accepted", "Refused POST /api/v1/enrich");
		assertThat(output.getAll()).doesNotContain(CURRENT, ROTATED, WRONG);
	}

	private HttpResponse<String> send(String method, String path, String key) {
		return new ApiCalls(this.port).send(method, path, key, method.equals("GET") ? null : ARTICLE);
	}

}
