package newsroom.ingest.article;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import newsroom.events.CloudEventHeaders;
import newsroom.events.Topics;
import newsroom.ingest.IngestClient;
import newsroom.ingest.IngestClient.Answer;
import newsroom.ingest.RawTopic;
import newsroom.ingest.Samples;
import newsroom.ingest.clean.TextCleaner;
import newsroom.ingest.publish.RawArticlePublisher;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/articles} end to end: the real HTTP server and the real broker from
 * the testkit; what is published is read back from {@link Topics#RAW}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArticleIntakeIntegrationTests {

	private static final String SAMPLE_TITLE = "North Korea deploys troops to Russia";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		NewsroomServers.registerKafka(registry);
	}

	@LocalServerPort
	private int port;

	private IngestClient client;

	@BeforeEach
	void createClient() {
		this.client = new IngestClient(this.port);
	}

	@Test
	void publishesTheCleanedSampleWithCloudEventsHeaders() {
		String url = "https://eastside.example/news/north-korea-troops-" + UUID.randomUUID();
		String sample = Samples.read(Samples.NORTH_KOREA_TROOPS);

		Answer answer = this.client.postArticle(
				Map.of("url", url + "?utm_source=newsletter#top", "title", SAMPLE_TITLE, "text", sample, "source",
						"eastside", "author", "Chloe Ren", "publishedAt", "2024-11-01T10:00:00Z", "ignoredField", "x"));

		assertThat(answer.status()).isEqualTo(202);
		String id = answer.json().path("id").asString();
		assertThat(answer.json().path("status").asString()).isEqualTo("accepted");
		assertThat(answer.json().path("topic").asString()).isEqualTo(Topics.RAW);
		try (RawTopic topic = RawTopic.open()) {
			ConsumerRecord<String, String> record = topic.awaitRecord(id);
			JsonNode value = JSON.readTree(record.value());
			assertThat(value.propertyNames()).containsExactlyInAnyOrder("schemaVersion", "id", "revision", "url",
					"canonicalUrl", "source", "title", "text", "author", "publishedAt", "ingestedAt", "language",
					"contentHash", "origin", "feedId");
			assertThat(value.path("schemaVersion").asInt()).isEqualTo(1);
			assertThat(value.path("id").asString()).isEqualTo(id).matches("[0-9a-f]{32}");
			assertThat(value.path("revision").isIntegralNumber()).isTrue();
			assertThat(value.path("url").asString()).isEqualTo(url + "?utm_source=newsletter#top");
			assertThat(value.path("canonicalUrl").asString()).isEqualTo(url);
			assertThat(value.path("source").asString()).isEqualTo("eastside");
			assertThat(value.path("title").asString()).isEqualTo(SAMPLE_TITLE);
			assertThat(value.path("author").asString()).isEqualTo("Chloe Ren");
			assertThat(value.path("publishedAt").asString()).isEqualTo("2024-11-01T10:00:00Z");
			assertThat(Instant.parse(value.path("ingestedAt").asString()).toEpochMilli())
				.isEqualTo(value.path("revision").asLong());
			assertThat(value.path("language").isNull()).isTrue();
			assertThat(value.path("contentHash").asString()).matches("[0-9a-f]{64}");
			assertThat(value.path("origin").asString()).isEqualTo("api");
			assertThat(value.path("feedId").isNull()).isTrue();

			String text = value.path("text").asString();
			List<String> storyParagraphs = sample.lines().limit(6).toList();
			assertThat(text.split(TextCleaner.PARAGRAPH_SEPARATOR)).containsExactlyElementsOf(storyParagraphs);
			assertThat(text).doesNotContain("Story continues below advertisement", "Tags:", "About the Contributor",
					"Chloe Ren", "Chipotle", SAMPLE_TITLE);
			assertThat(value.path("contentHash").asString()).isEqualTo(ArticleIds.contentHash(SAMPLE_TITLE, text));

			Map<String, String> headers = RawTopic.headers(record);
			assertThat(headers).containsOnlyKeys(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID,
					CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.TIME,
					CloudEventHeaders.CONTENT_TYPE);
			assertThat(headers).containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
				.containsEntry(CloudEventHeaders.SOURCE, RawArticlePublisher.EVENT_SOURCE)
				.containsEntry(CloudEventHeaders.TYPE, "newsroom.article.raw.v1")
				.containsEntry(CloudEventHeaders.CONTENT_TYPE, "application/json");
			assertThat(headers.get(CloudEventHeaders.ID)).isNotBlank();
			assertThat(Instant.parse(headers.get(CloudEventHeaders.TIME)))
				.isEqualTo(Instant.parse(value.path("ingestedAt").asString()));
		}
	}

	@Test
	void answersDuplicateForAResubmissionAndPublishesNothingMore() {
		Map<String, String> article = Map.of("url", "https://eastside.example/news/dup-" + UUID.randomUUID(), "title",
				"Council votes", "text", "The council met.\nIt voted.");
		Answer first = this.client.postArticle(article);
		assertThat(first.json().path("status").asString()).isEqualTo("accepted");

		try (RawTopic topic = RawTopic.open()) {
			Map<TopicPartition, Long> before = topic.endOffsets();

			Answer again = this.client.postArticle(article);

			assertThat(again.status()).isEqualTo(202);
			assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
			assertThat(again.json().path("status").asString()).isEqualTo("duplicate");
			assertOnlyMarkerPublishedSince(topic, before);
		}
	}

	@Test
	void publishesNothingForARejectedArticle() {
		try (RawTopic topic = RawTopic.open()) {
			Map<TopicPartition, Long> before = topic.endOffsets();

			Answer rejected = this.client.postArticle(Map.of("url", "https://eastside.example/news/bad", "title",
					"Bad date", "text", "Body.", "publishedAt", "next Tuesday"));

			assertThat(rejected.status()).isEqualTo(400);
			assertThat(rejected.contentType()).startsWith("application/problem+json");
			assertThat(rejected.json().path("errors").get(0).path("field").asString()).isEqualTo("publishedAt");
			assertOnlyMarkerPublishedSince(topic, before);
		}
	}

	@Test
	void refusesAChunkedBodyOverTheLimit() {
		byte[] body = ("{\"title\": \"Big\", \"text\": \"" + "x".repeat(2 * 1024 * 1024 + 10) + "\"}").getBytes();
		try (RawTopic topic = RawTopic.open()) {
			Map<TopicPartition, Long> before = topic.endOffsets();

			Answer answer = this.client.post("/api/v1/articles", "application/json",
					HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

			assertThat(answer.status()).isEqualTo(413);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertOnlyMarkerPublishedSince(topic, before);
		}
	}

	@Test
	void exposesArticleCountersToPrometheus() {
		this.client.postArticle(Map.of("title", "Counted " + UUID.randomUUID(), "text", "Body."));

		Answer metrics = this.client.get("/actuator/prometheus");

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).containsPattern(
				"newsroom_ingest_articles_total\\{[^}]*origin=\"api\"[^}]*" + "outcome=\"accepted\"[^}]*} [1-9]");
		assertThat(this.client.get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	/**
	 * Publishes a fresh marker article and checks that it is the only record on the topic
	 * since {@code before}: whatever the test did before the marker published nothing.
	 */
	private void assertOnlyMarkerPublishedSince(RawTopic topic, Map<TopicPartition, Long> before) {
		Answer marker = this.client.postArticle(Map.of("url", "https://marker.example/" + UUID.randomUUID(), "title",
				"Marker", "text", "Marker text."));
		assertThat(marker.status()).isEqualTo(202);
		String markerId = marker.json().path("id").asString();

		List<ConsumerRecord<String, String>> since = topic.readUntilKey(before, markerId);

		assertThat(since).extracting(ConsumerRecord::key).containsExactly(markerId);
	}

}
