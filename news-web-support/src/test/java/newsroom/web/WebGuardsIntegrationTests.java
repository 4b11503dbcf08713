package newsroom.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import newsroom.testkit.ApiCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guards on a real Tomcat, configured as a service would configure them: a key from
 * the settings and a rotated one from a secrets file, an admin path, a small rate limit.
 * Refusals are problem answers with their headers on the wire, every answer carries the
 * security headers, and no key ever reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = GuardedApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "newsroom.web.api-keys.keys=current-key-4f1c9a7e2b,burst-key-8d3e6a0c5f",
				"newsroom.web.api-keys.admin-paths=/api/admin/**", "newsroom.web.rate-limit.capacity=30",
				"newsroom.web.rate-limit.refill-tokens=1", "newsroom.web.rate-limit.refill-period=1h",
				"logging.level.org.springframework.web=DEBUG" })
class WebGuardsIntegrationTests {

	static final String CURRENT = "current-key-4f1c9a7e2b";

	static final String ROTATED = "rotated-key-from-secret-71b2e9";

	static final String BURST = "burst-key-8d3e6a0c5f";

	static final String WRONG = "wrong-key-c0ffee1234";

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void secretsFile(DynamicPropertyRegistry registry) {
		Path file = ApiCalls.keyFile("# mounted secret", ROTATED);
		registry.add("newsroom.web.api-keys.file", file::toString);
	}

	@Test
	void refusesWritesAndAdminReadsWithoutAValidKeyAsProblems() {
		ApiCalls calls = new ApiCalls(this.port);
		for (String[] request : List.of(new String[] { "POST", "/api/items" },
				new String[] { "DELETE", "/api/items/7" }, new String[] { "GET", "/api/admin/state" })) {
			for (String key : new String[] { null, WRONG }) {
				HttpResponse<String> response = calls.send(request[0], request[1], key);
				assertThat(response.statusCode()).as("%s %s with %s", request[0], request[1], key).isEqualTo(401);
				assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("ApiKey header=\"X-Api-Key\"");
				assertThat(response.headers().firstValue("Content-Type"))
					.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
				assertThat(response.body()).contains("\"status\":401", "\"title\":\"Missing or invalid API key\"",
						"\"instance\":\"" + request[1] + "\"");
			}
		}
		assertThat(calls.send("GET", "/api/items", null).statusCode()).isEqualTo(200);
	}

	@Test
	void acceptsTheCurrentAndTheRotatedKey() {
		ApiCalls calls = new ApiCalls(this.port);
		for (String key : List.of(CURRENT, ROTATED)) {
			assertThat(calls.send("POST", "/api/items", key).statusCode()).isEqualTo(201);
			assertThat(calls.send("DELETE", "/api/items/7", key).statusCode()).isEqualTo(204);
			assertThat(calls.send("GET", "/api/admin/state", key).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void answersABurstOverTheLimitWith429AndRetryAfter() {
		ApiCalls calls = new ApiCalls(this.port);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 31; i++) {
			statuses.add(calls.send("GET", "/api/items", BURST).statusCode());
		}
		HttpResponse<String> refused = calls.send("GET", "/api/items", BURST);

		assertThat(statuses.subList(0, 30)).containsOnly(200);
		assertThat(statuses.get(30)).isEqualTo(429);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
			.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(1L, 3600L));
		assertThat(refused.body()).contains("\"status\":429", "\"title\":\"Too many requests\"");
		assertSecurityHeaders(refused);
		// The bucket is the key's: other clients go on.
		assertThat(calls.send("GET", "/api/items", CURRENT).statusCode()).isEqualTo(200);
		// Only the API is limited; health probes and pages never are.
		assertThat(calls.send("GET", "/page", BURST).statusCode()).isEqualTo(200);
	}

	@Test
	void putsTheSecurityHeadersOnEveryAnswer() {
		ApiCalls calls = new ApiCalls(this.port);
		for (String path : List.of("/page", "/api/items", "/api/nothing-here", "/api/fail")) {
			assertSecurityHeaders(calls.send("GET", path, null));
		}
		assertSecurityHeaders(calls.send("POST", "/api/items", null));
	}

	@Test
	void neverLogsAKey(CapturedOutput output) {
		ApiCalls calls = new ApiCalls(this.port);
		for (String key : List.of(CURRENT, ROTATED, WRONG)) {
			calls.send("POST", "/api/items", key);
			calls.send("GET", "/api/admin/state", key);
		}
		// The guards did speak: the start-up line and the refusals are in the output.
		assertThat(output.getAll()).contains("API keys: 3 accepted", "Refused POST /api/items");
		assertThat(output.getAll()).doesNotContain(CURRENT, ROTATED, BURST, WRONG);
	}

	static void assertSecurityHeaders(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().toString())
			.hasValue(WebGuardsProperties.STRICT_POLICY);
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

}
