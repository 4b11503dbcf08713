package newsroom.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
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
 * {@code GET /api/v1/articles/{id}/related} on the real node: articles about the same
 * things come back, the article itself and its near-duplicates never do.
 */
class RelatedArticlesIntegrationTests extends RealServersTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@Test
	void findsArticlesAboutTheSameThingsButNotTheArticleOrItsNearDuplicates() {
		String word = runWord();
		String country = "Veldoria" + word;
		String minister = "Orsolya Tamberlane" + word;
		String source = "related-" + RUN;
		String text = "Troops from " + country + " crossed the Marrowgate pass at dawn. Minister " + minister
				+ " said the Marrowgate garrison would hold the pass against the Quillon brigades. "
				+ "Convoys of armoured trucks filled the valley road.";
		EnrichedArticle original = article("original", "Veldoria sends troops through the Marrowgate pass", text,
				source, null, country, minister);
		EnrichedArticle copy = article("copy", "Veldoria sends troops through the Marrowgate pass (updated)", text,
				source, original.id(), country, minister);
		EnrichedArticle secondCopy = article("second-copy", "Troops cross the Marrowgate pass", text, source,
				original.id(), country, minister);
		EnrichedArticle followUp = article("follow-up", "Marrowgate garrison braces for the Quillon brigades",
				"The Marrowgate garrison dug in as the Quillon brigades massed beyond the pass. " + minister
						+ " visited the troops of " + country + " and promised more armoured trucks.",
				source, null, country, minister);
		EnrichedArticle sameCountry = article("same-country", "Harvest festival opens in " + country,
				"Farmers brought their best pumpkins to the festival.", source, null, country);
		EnrichedArticle unrelated = article("unrelated", "Chess club elects a new treasurer",
				"The club met on Tuesday and counted the votes twice.", source, null);
		publishAll(List.of(original, copy, secondCopy, followUp, sameCountry, unrelated));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(json("/api/v1/search?source=" + source).path("total").asLong()).isEqualTo(6));

		List<String> related = ids(json("/api/v1/articles/" + original.id() + "/related"));
		assertThat(related).startsWith(followUp.id())
			.contains(sameCountry.id())
			.doesNotContain(original.id(), copy.id(), secondCopy.id(), unrelated.id());

		// From a copy: neither the original it points at, nor the other copy of it.
		List<String> fromCopy = ids(json("/api/v1/articles/" + copy.id() + "/related"));
		assertThat(fromCopy).contains(followUp.id()).doesNotContain(copy.id(), original.id(), secondCopy.id());

		JsonNode one = json("/api/v1/articles/" + original.id() + "/related?size=1");
		assertThat(one.path("hits").size()).isEqualTo(1);
		JsonNode hit = one.path("hits").path(0);
		assertThat(hit.path("id").asString()).isEqualTo(followUp.id());
		assertThat(hit.path("title").asString()).isEqualTo(followUp.title());
		assertThat(hit.path("entities").path(0).path("name").asString()).isEqualTo(country);
		assertThat(hit.path("score").asDouble()).isPositive();
	}

	@Test
	void answersNotFoundForAnUnknownArticleAndBadRequestForABadSize() {
		MvcTestResult missing = this.mvc.get().uri("/api/v1/articles/{id}/related", "nothing-" + RUN).exchange();
		assertThat(missing).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		for (String size : List.of("0", "51", "five")) {
			MvcTestResult result = this.mvc.get()
				.uri("/api/v1/articles/{id}/related?size={size}", "nothing-" + RUN, size)
				.exchange();
			assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(json.readTree(body(result)).path("errors").path(0).path("field").asString()).isEqualTo("size");
		}
	}

	private static EnrichedArticle article(String name, String title, String text, String source, String duplicateOf,
			String... entities) {
		List<Entity> list = new ArrayList<>();
		for (int i = 0; i < entities.length; i++) {
			list.add(TestArticles.entity(entities[i], (i == 0) ? EntityType.LOCATION : EntityType.PERSON,
					0.9 - i * 0.2));
		}
		return TestArticles.article(uniqueId(name), 1, title, text, source, Instant.parse("2024-10-20T08:00:00Z"), list,
				List.of("conflict-war-peace"), "en", duplicateOf);
	}

	private JsonNode json(String uri) {
		return okJson(this.mvc, uri);
	}

	private static List<String> ids(JsonNode answer) {
		List<String> ids = new ArrayList<>();
		answer.path("hits").forEach((hit) -> ids.add(hit.path("id").asString()));
		return ids;
	}

}
