package newsroom.enrich.api;

import java.util.Map;

import newsroom.enrich.EnrichServiceIntegrationTest;
import newsroom.enrich.TestArticles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class EnrichEndpointIntegrationTests extends EnrichServiceIntegrationTest {

	@Autowired
	private RestTestClient client;

	@Test
	void answersEnrichmentOfSampleArticle() {
		this.client.post()
			.uri("/api/v1/enrich")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("title", TestArticles.SAMPLE_TITLE, "text", TestArticles.sample(TestArticles.SAMPLE), "source",
					"ignored"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.language")
			.isEqualTo("en")
			.jsonPath("$.summary")
			.value(String.class,
					(summary) -> assertThat(summary).startsWith("North Korea has sent")
						.startsWith(TestArticles.lead(TestArticles.SAMPLE))
						.hasSizeLessThanOrEqualTo(600))
			.jsonPath("$.wordCount")
			.isEqualTo(527)
			.jsonPath("$.readingTimeMinutes")
			.isEqualTo(3)
			.jsonPath("$.entities[0].name")
			.isEqualTo("North Korea")
			.jsonPath("$.entities[0].countryCode")
			.isEqualTo("KP")
			.jsonPath("$.tags[0]")
			.isEqualTo("conflict-war-peace")
			.jsonPath("$.tags")
			.isArray()
			.jsonPath("$.keywords")
			.isArray();
	}

	@Test
	void rejectsMissingTextAsProblem() {
		this.client.post()
			.uri("/api/v1/enrich")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("title", "Only a title"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.errors[0].field")
			.isEqualTo("text");
	}

	@Test
	void reportsReadinessAndPipelineMetrics() {
		this.client.post()
			.uri("/api/v1/enrich")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("title", "Metrics", "text", "The council in Leeds met on Monday."))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("newsroom_enrich_articles_total{", "outcome=\"dead-lettered\"",
					"outcome=\"enriched\"", "newsroom_enrich_stage_seconds_count{", "stage=\"language\"",
					"stage=\"entities\"", "stage=\"tags\"", "stage=\"keywords\"", "stage=\"summary\"",
					"stage=\"fingerprint\"", "stage=\"duplicates\"", "stage=\"publish\""));
	}

}
