package newsroom.ingest.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import newsroom.testkit.NewsroomServers;
import newsroom.testkit.fuzz.ProblemEdge;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write endpoint has the same guards on the real server: 401 without the API key,
 * 415 for a body that is not JSON, 413 over the body limit (also when the body is chunked
 * and declares no length), 400 for malformed JSON, 406 for an {@code Accept} it cannot
 * meet before anything is done; all as problem+json, as are the framework's own refusals
 * that {@link MalformedRequestsIntegrationTests} found answered with a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "newsroom.ingest.api-key=guard-key", "newsroom.ingest.max-body-size=1KB",
				"newsroom.ingest.batch.max-body-size=4KB", "newsroom.ingest.feed.enabled=false",
				"newsroom.ingest.allowed-hosts=127.0.0.1" })
class WriteEndpointGuardsIntegrationTests {

	private static final List<String> ENDPOINTS = List.of("/api/v1/articles", "/api/v1/articles/batch", "/api/v1/fetch",
			"/api/v1/feeds");

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		NewsroomServers.registerKafka(registry);
	}

	@LocalServerPort
	private int port;

	@Test
	void requiresTheApiKeyOnEveryWriteEndpoint() throws Exception {
		for (String path : ENDPOINTS) {
			assertProblem(send(path, null, "application/json", "{}".getBytes(), false), 401, path);
			assertProblem(send(path, "wrong-key", "application/json", "{}".getBytes(), false), 401, path);
		}
		assertProblem(delete("/api/v1/feeds/0123", null), 401, "DELETE feed");
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void refusesContentThatIsNotJsonOnEveryWriteEndpoint() throws Exception {
		for (String path : ENDPOINTS) {
			assertProblem(send(path, "guard-key", "text/plain", "title=x".getBytes(), false), 415, path);
		}
	}

	@Test
	void refusesBodiesOverTheLimitOnEveryWriteEndpoint() throws Exception {
		for (String path : ENDPOINTS) {
			byte[] body = ("{\"title\": \"" + "x".repeat(5000) + "\"}").getBytes();
			assertProblem(send(path, "guard-key", "application/json", body, false), 413, path);
			assertProblem(send(path, "guard-key", "application/json", body, true), 413, path + " (chunked)");
		}
	}

	@Test
	void refusesMalformedJsonOnEveryWriteEndpoint() throws Exception {
		for (String path : ENDPOINTS) {
			assertProblem(send(path, "guard-key", "application/json", "{\"title\": ".getBytes(), false), 400, path);
		}
	}

	@Test
	void refusesAnAcceptItCannotMeetBeforeRegisteringOrFetching() throws Exception {
		String feed = "http://127.0.0.1:9/feed-" + UUID.randomUUID() + ".xml";
		Map<String, String> bodies = Map.of("/api/v1/feeds", "{\"url\": \"" + feed + "\"}", "/api/v1/fetch",
				"{\"url\": \"http://127.0.0.1:9/page\"}");
		for (Map.Entry<String, String> request : bodies.entrySet()) {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + request.getKey()))
					.header("Content-Type", "application/json")
					.header("Accept", "image/png")
					.header("X-Api-Key", "guard-key")
					.POST(HttpRequest.BodyPublishers.ofString(request.getValue()))
					.build(), HttpResponse.BodyHandlers.ofString());
			// Not the 201 of a registration, nor the 502 of a fetch that was tried.
			assertProblem(response, 406, request.getKey());
		}
		assertThat(get("/api/v1/feeds").body()).doesNotContain(feed);
	}

	@Test
	void answersActuatorsOwnRefusalsAsProblems() {
		// An undecodable query and a wildcard Content-Type were a 500 here, as was an
		// unknown health path.
		assertThat(ProblemEdge.actuator()).allSatisfy((edge) -> assertThat(edge.check(this.port)).isEmpty());
	}

	private HttpResponse<String> send(String path, String key, String contentType, byte[] body, boolean chunked)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", contentType)
			.POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
					: HttpRequest.BodyPublishers.ofByteArray(body));
		if (key != null) {
			request.header("X-Api-Key", key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> delete(String path, String key) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.DELETE();
		if (key != null) {
			request.header("X-Api-Key", key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static void assertProblem(HttpResponse<String> response, int status, String what) {
		assertThat(response.statusCode()).as(what).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(what)
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).as(what).contains("\"status\":" + status);
	}

}
