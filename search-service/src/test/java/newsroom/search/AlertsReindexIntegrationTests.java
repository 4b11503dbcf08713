package newsroom.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import newsroom.events.EnrichedArticle;
import newsroom.search.indexing.ReindexCommand;
import newsroom.testkit.NewsroomServers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reindex replays the whole enriched topic into a new index, next to the running
 * service: the articles it replays were matched when they were first indexed, and not one
 * of them is published or listed again.
 */
class AlertsReindexIntegrationTests extends RealServersTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@Test
	void publishesNoRepeatsWhenTheIndexIsRebuilt() {
		String word = "quay" + runWord();
		MvcTestResult created = this.mvc.post()
			.uri("/api/v1/alerts")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("name", "Quays", "q", word)))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		String alertId = json.readTree(body(created)).path("id").asString();
		EnrichedArticle first = article("first", word);
		publish(first, null);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(AlertRecords.of(alertId)).hasSize(1));

		int exit = ReindexCommand.run(SearchApplication.class, ReindexCommand.ARGUMENT,
				"--newsroom.elasticsearch.uris=" + NewsroomServers.elasticsearch().uri(),
				"--spring.kafka.bootstrap-servers=" + NewsroomServers.kafka().bootstrapServers(),
				"--spring.kafka.consumer.group-id=" + GROUP, "--newsroom.search.index.alias=" + ALIAS,
				"--newsroom.search.index.name-prefix=" + ALIAS + "-v", "--newsroom.search.index.template-name=" + ALIAS,
				"--newsroom.search.alerts.topic=" + ALERTS_TOPIC,
				"--newsroom.search.alerts.matches-index=" + MATCHES_INDEX,
				"--newsroom.search.alerts.transaction-id-prefix=search-alerts-reindex-" + RUN + "-");
		assertThat(exit).as("reindex exit code").isZero();
		// A later match shows that the alert listener went past everything before it.
		EnrichedArticle second = article("second", word);
		publish(second, null);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(AlertRecords.of(alertId)).hasSize(2));

		assertThat(AlertRecords.of(alertId))
			.extracting((record) -> json.readTree(record.value()).path("articleId").asString())
			.containsExactlyInAnyOrder(first.id(), second.id());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(okJson(this.mvc, "/api/v1/alerts/" + alertId + "/matches").path("matches"))
				.hasSize(2));
		assertThat(okJson(this.mvc, "/api/v1/search?q=" + word).path("total").asLong()).isEqualTo(2);
	}

	private static EnrichedArticle article(String name, String word) {
		return TestArticles.article(uniqueId("reindex-alert-" + name), 1, "Repairs on the " + word + " begin",
				"The harbour board approved the repairs on Monday.", "lakeside", Instant.parse("2024-11-02T08:00:00Z"),
				List.of(), List.of("economy-business-finance"));
	}

}
