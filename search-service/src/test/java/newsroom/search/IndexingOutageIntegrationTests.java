package newsroom.search;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.events.Origin;
import newsroom.events.Topics;
import newsroom.servers.ElasticsearchServer;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An Elasticsearch outage while articles arrive: the batch is retried until the node is
 * back, and nothing is dropped or doubled.
 */
class IndexingOutageIntegrationTests extends RealServersTestSupport {

	private static final Logger logger = LoggerFactory.getLogger(IndexingOutageIntegrationTests.class);

	private static final int ARTICLES = 5000;

	private static final Duration OUTAGE = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MeterRegistry registry;

	@Test
	void indexesArticlesPublishedWhileElasticsearchWasDownOnceItIsBack() throws Exception {
		ElasticsearchServer elasticsearch = NewsroomServers.elasticsearch();
		double failuresBefore = unavailableBatches();
		String source = "outage-" + RUN;
		EnrichedArticle article = new EnrichedArticle(1, uniqueId("outage"), 1, "https://outage.example/a",
				"https://outage.example/a", source, "Published during an outage", "The index was down.", null,
				Instant.parse("2024-11-05T10:00:00Z"), Instant.parse("2024-11-05T10:01:00Z"), "en", "hash", Origin.API,
				null, "The index was down.", List.of(), List.of(), List.of(), 5, 1,
				Instant.parse("2024-11-05T10:02:00Z"), null);
		try {
			elasticsearch.stop();
		}
		catch (UnsupportedOperationException ex) {
			Assumptions.abort("This testkit mode cannot stop Elasticsearch");
		}
		try {
			publish(article, null);
			await().atMost(Duration.ofSeconds(60)).until(() -> unavailableBatches() > failuresBefore);
			assertThat(this.mvc.get().uri("/actuator/health/elasticsearch")).hasStatus(503);
			// Out of the load balancer while the index is away, Kafka still up.
			assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatus(503)
				.bodyText()
				.containsPattern("\"elasticsearch\":\\{(\\{[^{}]*}|[^{}])*\"status\":\"DOWN\"")
				.containsPattern("\"kafka\":\\{(\\{[^{}]*}|[^{}])*\"status\":\"UP\"");
			assertThat(this.mvc.get().uri("/api/v1/search?source=" + source)).hasStatus(503)
				.headers()
				.hasValue("Retry-After", "5");
		}
		finally {
			elasticsearch.start();
		}

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk());
		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(this.mvc.get().uri("/api/v1/search?source=" + source)).hasStatusOk()
				.bodyText()
				.contains(article.id()));
		assertThat(this.mvc.get().uri("/actuator/prometheus")).hasStatusOk()
			.bodyText()
			.containsPattern("newsroom_search_indexed_total\\{[^}]*outcome=\"indexed\"[^}]*} [1-9]")
			.contains("newsroom_pipeline_latency_seconds_bucket{le=")
			.containsPattern("newsroom_pipeline_latency_seconds_count(\\{[^}]*})? [1-9]");
		assertThat(this.mvc.get()
			.uri("/api/v1/articles/{id}", article.id())
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("Published during an outage");
	}

	@Test
	void indexesEveryArticleExactlyOnceWhenElasticsearchStopsForThirtySecondsInTheMiddle() throws Exception {
		ElasticsearchServer elasticsearch = NewsroomServers.elasticsearch();
		String source = "outage5k-" + RUN;
		List<EnrichedArticle> articles = new ArrayList<>(ARTICLES);
		for (int i = 0; i < ARTICLES; i++) {
			articles.add(TestArticles.article(uniqueId("o" + i), 1, "Wire story " + i,
					"Story " + i + " from the wire. Officials confirmed the figures on Monday.", source,
					Instant.parse("2024-08-01T00:00:00Z").plusSeconds(i * 60L),
					List.of(TestArticles.entity("Wire Agency", EntityType.ORGANIZATION, 0.5)), List.of("politics")));
		}
		Instant started = Instant.now();
		publishAll(articles.subList(0, ARTICLES / 2));
		await().atMost(Duration.ofSeconds(90)).until(() -> total(source) > 0);
		double failuresBefore = unavailableBatches();
		try {
			elasticsearch.stop();
		}
		catch (UnsupportedOperationException ex) {
			Assumptions.abort("This testkit mode cannot stop Elasticsearch");
		}
		Instant stopped = Instant.now();
		Instant restarting;
		long indexedAtStop;
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, NewsroomServers.kafka().bootstrapServers()))) {
			publishAll(articles.subList(ARTICLES / 2, ARTICLES));
			await().atMost(Duration.ofSeconds(60)).until(() -> unavailableBatches() > failuresBefore);
			long committed = committedOffsets(admin);
			indexedAtStop = committed;
			// While the node is away nothing is acknowledged, so no offset moves: the
			// batch in hand is retried, not skipped.
			await().during(OUTAGE)
				.atMost(OUTAGE.plusSeconds(30))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> committedOffsets(admin) == committed && this.mvc.get()
					.uri("/actuator/health/elasticsearch")
					.exchange()
					.getResponse()
					.getStatus() == 503);
		}
		finally {
			restarting = Instant.now();
			elasticsearch.start();
		}
		Instant restarted = Instant.now();

		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> total(source) >= ARTICLES);
		Instant done = Instant.now();
		assertThat(total(source)).isEqualTo(ARTICLES);
		for (EnrichedArticle article : List.of(articles.get(0), articles.get(ARTICLES / 2 - 1),
				articles.get(ARTICLES / 2), articles.get(ARTICLES - 1))) {
			assertThat(this.mvc.get().uri("/api/v1/articles/{id}", article.id())).hasStatusOk();
		}
		logger.info(
				"Outage test: {} articles, Elasticsearch stopped for {} s (and {} s to start again), {} records "
						+ "committed when it stopped, all indexed {} s after the restart, {} s in all; {} in the index",
				ARTICLES, Duration.between(stopped, restarting).toSeconds(),
				Duration.between(restarting, restarted).toSeconds(), indexedAtStop,
				Duration.between(restarted, done).toSeconds(), Duration.between(started, done).toSeconds(),
				total(source));
	}

	private long total(String source) throws Exception {
		MvcTestResult result = this.mvc.get().uri("/api/v1/search?size=1&source=" + source).exchange();
		assertThat(result).hasStatusOk();
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("total").asLong();
	}

	private static long committedOffsets(Admin admin) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
			.partitionsToOffsetAndMetadata()
			.get(10, TimeUnit.SECONDS);
		return offsets.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().topic().equals(Topics.ENRICHED) && entry.getValue() != null)
			.mapToLong((entry) -> entry.getValue().offset())
			.sum();
	}

	private double unavailableBatches() {
		Counter counter = this.registry.find("newsroom.search.indexing.unavailable").counter();
		return (counter != null) ? counter.count() : 0;
	}

}
