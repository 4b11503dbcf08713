package newsroom.search;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import newsroom.events.EnrichedArticle;
import newsroom.events.Origin;
import newsroom.testkit.ElasticsearchServer;
import newsroom.testkit.NewsroomServers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An Elasticsearch outage while articles arrive: the batch is retried until the node is
 * back, and nothing is dropped.
 */
class IndexingOutageIntegrationTests extends RealServersTestSupport {

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
			assertThat(this.mvc.get().uri("/api/v1/search?source=" + source)).hasStatus(503);
		}
		finally {
			elasticsearch.start();
		}

		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(this.mvc.get().uri("/api/v1/search?source=" + source)).hasStatusOk()
				.bodyText()
				.contains(article.id()));
		assertThat(this.mvc.get()
			.uri("/api/v1/articles/{id}", article.id())
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("Published during an outage");
	}

	private double unavailableBatches() {
		Counter counter = this.registry.find("newsroom.search.indexing.unavailable").counter();
		return (counter != null) ? counter.count() : 0;
	}

}
