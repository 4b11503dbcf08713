package newsroom.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
 * {@code GET /api/v1/trends} on the real node: articles of the last window against the
 * window before it, rising entities only, the largest rise first.
 */
class TrendsIntegrationTests extends RealServersTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@Test
	void ranksEntitiesByTheirRiseAgainstThePreviousWindow() {
		String word = runWord();
		String surge = "Surge" + word;
		String rise = "Rise" + word;
		String fall = "Fall" + word;
		String flat = "Flat" + word;
		String source = "trends-" + RUN;
		Instant now = Instant.now();
		Instant current = now.minus(Duration.ofHours(2));
		Instant previous = now.minus(Duration.ofHours(30));
		Instant older = now.minus(Duration.ofDays(5));
		List<EnrichedArticle> articles = new ArrayList<>();
		articles.addAll(mentions(surge, EntityType.PERSON, current, 4, source));
		articles.addAll(mentions(rise, EntityType.ORGANIZATION, current, 3, source));
		articles.addAll(mentions(rise, EntityType.ORGANIZATION, previous, 1, source));
		articles.addAll(mentions(fall, EntityType.LOCATION, current, 1, source));
		articles.addAll(mentions(fall, EntityType.LOCATION, previous, 3, source));
		articles.addAll(mentions(flat, EntityType.LOCATION, current, 2, source));
		articles.addAll(mentions(flat, EntityType.LOCATION, previous, 2, source));
		articles.addAll(mentions(surge, EntityType.PERSON, older, 5, source));
		publishAll(articles);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(json("/api/v1/search?source=" + source).path("total").asLong())
				.isEqualTo(articles.size()));

		JsonNode answer = json("/api/v1/trends?window=P1D&size=100");
		List<String> mine = new ArrayList<>();
		List<Long> rises = new ArrayList<>();
		answer.path("entities").forEach((entity) -> {
			rises.add(entity.path("count").asLong() - entity.path("previousCount").asLong());
			if (entity.path("name").asString().endsWith(word)) {
				mine.add(entity.path("name").asString() + " " + entity.path("type").asString() + " "
						+ entity.path("count").asLong() + "/" + entity.path("previousCount").asLong());
			}
		});
		assertThat(mine).containsExactly(surge + " PERSON 4/0", rise + " ORGANIZATION 3/1");
		assertThat(rises).allMatch((r) -> r > 0).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(Instant.parse(answer.path("to").asString())).isAfterOrEqualTo(now);
		assertThat(Duration.between(Instant.parse(answer.path("from").asString()),
				Instant.parse(answer.path("to").asString())))
			.isEqualTo(Duration.ofDays(1));

		// A week holds all of them, and the older articles too; the week before is empty.
		JsonNode week = json("/api/v1/trends?window=P1W&size=100");
		assertThat(names(week)).contains(surge, rise, fall, flat);
		assertThat(week.path("entities").path(names(week).indexOf(surge)).path("count").asLong()).isEqualTo(9);
		JsonNode hour = json("/api/v1/trends?window=PT1H");
		assertThat(names(hour)).doesNotContain(surge, rise);
		assertThat(json("/api/v1/trends?size=1").path("entities").size()).isLessThanOrEqualTo(1);
	}

	@Test
	void answersBadRequestForABadWindowOrSize() {
		assertBadRequest("/api/v1/trends?window=P1M", "window");
		assertBadRequest("/api/v1/trends?window=yesterday", "window");
		assertBadRequest("/api/v1/trends?window=PT5M", "window");
		assertBadRequest("/api/v1/trends?size=0", "size");
		assertBadRequest("/api/v1/trends?size=101", "size");
	}

	private static List<EnrichedArticle> mentions(String entity, EntityType type, Instant at, int count,
			String source) {
		List<EnrichedArticle> articles = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			articles.add(TestArticles.article(uniqueId("trend"), 1, entity + " in the news " + i, "Text " + i + ".",
					source, at.minusSeconds(i * 60L), List.of(TestArticles.entity(entity, type, 0.7)), List.of()));
		}
		return articles;
	}

	private static List<String> names(JsonNode answer) {
		List<String> names = new ArrayList<>();
		answer.path("entities").forEach((entity) -> names.add(entity.path("name").asString()));
		return names;
	}

	private void assertBadRequest(String uri, String field) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(json.readTree(body(result)).path("errors").path(0).path("field").asString()).isEqualTo(field);
	}

	private JsonNode json(String uri) {
		return okJson(this.mvc, uri);
	}

}
