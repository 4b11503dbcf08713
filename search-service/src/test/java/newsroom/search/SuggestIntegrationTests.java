package newsroom.search;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/suggest} on the real node: entity names and headlines that start
 * with the prefix, typed, each once.
 */
class SuggestIntegrationTests extends RealServersTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@Test
	void completesEntityNamesAndHeadlinesOnceEachWithTheirType() {
		String word = "Qz" + runWord();
		String source = "suggest-" + RUN;
		EnrichedArticle storm = TestArticles.article(uniqueId("storm"), 1, word + " storm closes the harbour",
				"The harbour stayed shut.", source, Instant.parse("2024-10-01T08:00:00Z"),
				List.of(TestArticles.entity(word + " Island", EntityType.LOCATION, 0.9),
						TestArticles.entity(word + " Harbour Authority", EntityType.ORGANIZATION, 0.6),
						TestArticles.entity(word + " Smith", EntityType.PERSON, 0.3)),
				List.of("weather"));
		EnrichedArticle ferry = TestArticles.article(uniqueId("ferry"), 1, "Ferries resume after the storm",
				"Boats sailed again.", source, Instant.parse("2024-10-02T08:00:00Z"),
				List.of(TestArticles.entity(word + " Island", EntityType.LOCATION, 0.8)), List.of("weather"));
		publishAll(List.of(storm, ferry));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(json("/api/v1/search?source=" + source).path("total").asLong()).isEqualTo(2));

		Map<String, String> suggestions = suggestions(json("/api/v1/suggest?prefix=" + word.toLowerCase()));
		assertThat(suggestions)
			.containsExactlyInAnyOrderEntriesOf(Map.of(word + " Island", "LOCATION", word + " Harbour Authority",
					"ORGANIZATION", word + " Smith", "PERSON", word + " storm closes the harbour", "TITLE"));
		assertThat(suggestions.keySet()).first().isEqualTo(word + " Island");

		assertThat(suggestions(json("/api/v1/suggest?prefix=" + word.toUpperCase() + " h")))
			.containsOnlyKeys(word + " Harbour Authority");
		assertThat(json("/api/v1/suggest?prefix=" + word + "&size=2").path("suggestions").size()).isEqualTo(2);
		assertThat(json("/api/v1/suggest?prefix=" + word + "xyz").path("suggestions").size()).isZero();
	}

	@Test
	void answersBadRequestForAMissingPrefixOrABadSize() {
		assertBadRequest("/api/v1/suggest", "prefix");
		assertBadRequest("/api/v1/suggest?prefix=%20%20", "prefix");
		assertBadRequest("/api/v1/suggest?prefix=" + "a".repeat(101), "prefix");
		assertBadRequest("/api/v1/suggest?prefix=nor&size=0", "size");
		assertBadRequest("/api/v1/suggest?prefix=nor&size=51", "size");
	}

	private void assertBadRequest(String uri, String field) {
		MvcTestResult result = this.mvc.get().uri(URI.create(uri)).exchange();
		assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(json.readTree(body(result)).path("errors").path(0).path("field").asString()).isEqualTo(field);
	}

	private static Map<String, String> suggestions(JsonNode answer) {
		Map<String, String> suggestions = new LinkedHashMap<>();
		answer.path("suggestions").forEach((suggestion) -> {
			String previous = suggestions.put(suggestion.path("text").asString(), suggestion.path("type").asString());
			assertThat(previous).as("suggested twice: %s", suggestion).isNull();
		});
		return suggestions;
	}

	private JsonNode json(String uri) {
		return okJson(this.mvc, uri);
	}

}
