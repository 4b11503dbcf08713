package newsroom.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import newsroom.testkit.ApiCalls;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The in-flight limit on a real Tomcat: with as many requests open as the limit allows,
 * the next one is answered at once with a 503 problem and {@code Retry-After} while the
 * open ones go on to succeed, and the places they held are free again afterwards. Health
 * probes and pages are never counted.
 */
@SpringBootTest(classes = GuardedApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "newsroom.web.in-flight-limit.max-requests=3", "newsroom.web.in-flight-limit.retry-after=2s",
				"newsroom.web.rate-limit.enabled=false" })
class InFlightLimitIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private GuardedApplication.Gate gate;

	@Test
	void answersARequestBeyondTheLimitWith503AndRetryAfterWhileTheOthersSucceed() throws Exception {
		ApiCalls calls = new ApiCalls(this.port);
		List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			held.add(CompletableFuture.supplyAsync(() -> calls.send("GET", "/api/held", null)));
		}
		assertThat(this.gate.awaitEntered(3)).as("three requests in the service").isTrue();

		HttpResponse<String> refused = calls.send("GET", "/api/items", null);
		HttpResponse<String> page = calls.send("GET", "/page", null);
		this.gate.open();

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.body()).contains("\"status\":503", "\"title\":\"Service busy\"",
				"\"instance\":\"/api/items\"");
		WebGuardsIntegrationTests.assertSecurityHeaders(refused);
		assertThat(page.statusCode()).as("a page outside the limited paths").isEqualTo(200);
		for (CompletableFuture<HttpResponse<String>> request : held) {
			HttpResponse<String> answer = request.get(30, TimeUnit.SECONDS);
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).contains("\"held\":true");
		}
		// The places are given back, a moment after the answers were written: requests
		// are taken again, more of them than the limit.
		await().atMost(Duration.ofSeconds(10)).until(() -> calls.send("GET", "/api/items", null).statusCode() == 200);
		for (int i = 0; i < 5; i++) {
			assertThat(calls.send("GET", "/api/items", null).statusCode()).isEqualTo(200);
		}
	}

}
