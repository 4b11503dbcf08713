package newsroom.ingest.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;

import newsroom.ingest.RawTopic;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ingest-service's in-flight limit on the real server and broker, set to one request:
 * while a batch upload holds the only place, an article is answered at once with a 503
 * problem and {@code Retry-After} and nothing is published for it; the batch goes on to
 * publish its articles, and the article sent again is accepted and published once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "newsroom.web.in-flight-limit.max-requests=1", "newsroom.web.in-flight-limit.retry-after=2s",
				"newsroom.ingest.feed.enabled=false" })
class InFlightLimitIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		NewsroomServers.registerKafka(registry);
	}

	@Test
	void refusesAnArticleWith503AndRetryAfterWhileABatchHoldsTheOnlyPlace() throws Exception {
		String run = UUID.randomUUID().toString();
		try (RawTopic raw = RawTopic.open(); SubmissionPublisher<ByteBuffer> body = new SubmissionPublisher<>()) {
			Map<TopicPartition, Long> before = raw.endOffsets();
			CompletableFuture<HttpResponse<String>> batch = this.http.sendAsync(request("/api/v1/articles/batch",
					"application/x-ndjson", HttpRequest.BodyPublishers.fromPublisher(body)),
					HttpResponse.BodyHandlers.ofString());
			await().atMost(Duration.ofSeconds(30)).until(() -> body.getNumberOfSubscribers() > 0);
			// The first line now, the second only later: the batch stays in the service.
			body.submit(line(article(run, "batch-1")));
			// A read under /api that publishes nothing shows when the batch is in.
			await().atMost(Duration.ofSeconds(30))
				.until(() -> send(request("/api/v1/feeds", null, null)).statusCode() == 503);

			HttpResponse<String> refused = postArticle(run);
			body.submit(line(article(run, "batch-2")));
			body.close();

			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
			assertThat(refused.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(refused.body()).contains("\"status\":503", "\"title\":\"Service busy\"");
			HttpResponse<String> batchAnswer = batch.get(30, TimeUnit.SECONDS);
			assertThat(batchAnswer.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(batchAnswer.body()).path("accepted").asInt()).isEqualTo(2);
			HttpResponse<String> retried = postArticle(run);
			assertThat(retried.statusCode()).isEqualTo(202);
			JsonNode accepted = JSON.readTree(retried.body());
			assertThat(accepted.path("status").asString()).isEqualTo("accepted");
			String id = accepted.path("id").asString();
			List<ConsumerRecord<String, String>> published = raw.readUntilKey(before, id);
			assertThat(published).filteredOn((record) -> id.equals(record.key())).hasSize(1);
			assertThat(published).hasSize(3);
		}
	}

	private HttpResponse<String> postArticle(String run) {
		return send(request("/api/v1/articles", "application/json",
				HttpRequest.BodyPublishers.ofString(article(run, "single"))));
	}

	private HttpRequest request(String path, String contentType, HttpRequest.BodyPublisher body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		if (body == null) {
			return request.GET().build();
		}
		return request.header("Content-Type", contentType).POST(body).build();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String article(String run, String name) {
		return JSON.writeValueAsString(Map.of("url", "https://limits.example/" + run + "/" + name, "title",
				"Ferry timetable " + name + " " + run, "text",
				"The ferry to the outer islands keeps its winter timetable, " + name + ".", "source", "limits"));
	}

	private static ByteBuffer line(String json) {
		return ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
	}

}
