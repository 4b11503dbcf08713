package newsroom.enrich.api;

import newsroom.enrich.TestArticles;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.duplicate.DuplicateIndex;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(EnrichController.class)
@Import(EnrichControllerTests.RealEnricher.class)
class EnrichControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void answersEnrichmentFields() {
		assertThat(
				post("""
						{"title": "Floods hit the valley", "text": "Heavy rain flooded the lower valley on Monday.", "language": "en"}"""))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.language", (language) -> language.assertThat().isEqualTo("en"))
			.hasPathSatisfying("$.summary",
					(summary) -> summary.assertThat().isEqualTo("Heavy rain flooded the lower valley on Monday."))
			.hasPathSatisfying("$.wordCount", (count) -> count.assertThat().isEqualTo(8))
			.hasPathSatisfying("$.entities", (entities) -> entities.assertThat().asList().isEmpty());
	}

	@Test
	void rejectsMissingTitleNamingTheField() {
		assertThat(post("""
				{"text": "Heavy rain flooded the lower valley on Monday."}""")).hasStatus(400)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.status", (status) -> status.assertThat().isEqualTo(400))
			.hasPathSatisfying("$.detail", (detail) -> detail.assertThat().asString().contains("title"))
			.hasPathSatisfying("$.errors[0].field", (field) -> field.assertThat().isEqualTo("title"))
			.hasPathSatisfying("$.errors[0].message", (message) -> message.assertThat().isEqualTo("must not be blank"));
	}

	@Test
	void rejectsBlankTextAndUnknownLanguageTogether() {
		assertThat(post("""
				{"title": "A title", "text": "   ", "language": "klingon"}""")).hasStatus(400)
			.bodyJson()
			.hasPathSatisfying("$.errors[*].field",
					(fields) -> fields.assertThat().asList().containsExactlyInAnyOrder("text", "language"));
	}

	@Test
	void rejectsMalformedJsonAsProblem() {
		assertThat(post("{\"title\": ")).hasStatus(400)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void rejectsOtherMediaTypesAsProblem() {
		assertThat(this.mvc.post().uri("/api/v1/enrich").contentType(MediaType.TEXT_PLAIN).content("hello"))
			.hasStatus(415)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private MockMvcTester.MockMvcRequestBuilder post(String json) {
		return this.mvc.post().uri("/api/v1/enrich").contentType(MediaType.APPLICATION_JSON).content(json);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RealEnricher {

		@Bean
		Enricher enricher() {
			return TestArticles.enricher();
		}

		@Bean
		DuplicateIndex duplicateIndex() {
			return new DuplicateIndex(3);
		}

	}

}
