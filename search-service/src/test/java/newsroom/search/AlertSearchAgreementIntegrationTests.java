package newsroom.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An alert matches exactly the articles its search finds: saved searches with every kind
 * of filter and operator, 40 articles made from a small vocabulary, and for each alert
 * the matches equal the hits of {@code /api/v1/search} with the same filters (among these
 * articles), computed by Elasticsearch.
 */
class AlertSearchAgreementIntegrationTests extends RealServersTestSupport {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final int ARTICLES = 40;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void matchesWhatTheSearchFinds() {
		String run = runWord();
		List<String> words = List.of("alpha" + run, "bravo" + run, "charlie" + run, "delta" + run, "echo" + run);
		List<String> people = List.of("Ada Quill " + run, "Ben Osei " + run, "Cy Marr " + run);
		List<String> sources = List.of("north-" + RUN, "south-" + RUN);
		Map<String, Map<String, Object>> searches = searches(words, people, sources);
		Map<String, Map<String, Object>> alerts = new LinkedHashMap<>();
		searches.forEach((name, filters) -> alerts.put(createAlert(name, filters), filters));

		List<EnrichedArticle> articles = articles(words, people, sources);
		publishAll(articles);
		Set<String> ids = new HashSet<>();
		articles.forEach((article) -> ids.add(article.id()));
		await().atMost(Duration.ofSeconds(90)).until(() -> hits(Map.of("source", sources)).size() == ARTICLES);

		int nonEmpty = 0;
		for (Map.Entry<String, Map<String, Object>> alert : alerts.entrySet()) {
			Set<String> expected = new HashSet<>(hits(alert.getValue()));
			expected.retainAll(ids);
			nonEmpty += expected.isEmpty() ? 0 : 1;
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(matches(alert.getKey())).as("matches of %s", alert.getValue())
					.containsExactlyInAnyOrderElementsOf(expected));
		}
		assertThat(nonEmpty).as("alerts that match something").isGreaterThan(alerts.size() / 2);
	}

	private static Map<String, Map<String, Object>> searches(List<String> w, List<String> people,
			List<String> sources) {
		Map<String, Map<String, Object>> searches = new LinkedHashMap<>();
		searches.put("one word", Map.of("q", w.get(0)));
		searches.put("two words", Map.of("q", w.get(0) + " " + w.get(1)));
		searches.put("or", Map.of("q", w.get(1) + " OR " + w.get(2)));
		searches.put("pipe", Map.of("q", w.get(3) + " | " + w.get(4)));
		searches.put("not", Map.of("q", w.get(0) + " -" + w.get(1)));
		searches.put("phrase", Map.of("q", "\"" + w.get(2) + " " + w.get(3) + "\""));
		searches.put("prefix", Map.of("q", w.get(4).substring(0, 4) + "*"));
		searches.put("grouped", Map.of("q", "(" + w.get(0) + " | " + w.get(4) + ") + " + w.get(2)));
		searches.put("entity", Map.of("entity", List.of(people.get(0))));
		searches.put("two entities", Map.of("entity", List.of(people.get(0), people.get(1))));
		searches.put("entity name as text", Map.of("q", "osei " + w.get(1)));
		searches.put("entity and tag", Map.of("entity", List.of(people.get(2)), "tag", List.of("labour")));
		searches.put("text and source", Map.of("q", w.get(1), "source", List.of(sources.get(0))));
		searches.put("text and language", Map.of("q", w.get(3), "language", "de"));
		searches.put("sources and tags", Map.of("q", w.get(2), "source", sources, "tag", List.of("sport", "labour")));
		return searches;
	}

	private static List<EnrichedArticle> articles(List<String> words, List<String> people, List<String> sources) {
		Random random = new Random(14);
		List<String> tags = List.of("labour", "sport", "politics");
		List<EnrichedArticle> articles = new ArrayList<>();
		for (int i = 0; i < ARTICLES; i++) {
			String title = pick(random, words) + " report " + i;
			StringBuilder text = new StringBuilder("The committee met again.");
			for (int j = 0; j < 8; j++) {
				text.append(' ').append(random.nextInt(3) == 0 ? "and" : pick(random, words));
			}
			List<Entity> entities = new ArrayList<>();
			for (String person : people) {
				if (random.nextBoolean()) {
					entities.add(TestArticles.entity(person, EntityType.PERSON, 0.5));
				}
			}
			List<String> articleTags = random.nextBoolean() ? List.of(pick(random, tags))
					: List.of(pick(random, tags), "labour");
			articles.add(TestArticles.article(uniqueId("agree"), 1, title, text.append('.').toString(),
					pick(random, sources), Instant.parse("2024-10-01T00:00:00Z").plusSeconds(3600L * i), entities,
					articleTags.stream().distinct().toList(), random.nextInt(4) == 0 ? "de" : "en", null));
		}
		return articles;
	}

	private static String pick(Random random, List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

	private String createAlert(String name, Map<String, Object> filters) {
		Map<String, Object> request = new LinkedHashMap<>(filters);
		request.put("name", name);
		MvcTestResult created = this.mvc.post()
			.uri("/api/v1/alerts")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(request))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return json.readTree(body(created)).path("id").asString();
	}

	private List<String> hits(Map<String, Object> filters) {
		MockMvcTester.MockMvcRequestBuilder search = this.mvc.get().uri("/api/v1/search").param("size", "100");
		filters.forEach((name, value) -> {
			List<?> values = (value instanceof List<?> list) ? list : List.of(value);
			values.forEach((v) -> search.param(name, v.toString()));
		});
		MvcTestResult result = search.exchange();
		assertThat(result).hasStatusOk();
		List<String> ids = new ArrayList<>();
		json.readTree(body(result)).path("hits").forEach((hit) -> ids.add(hit.path("id").asString()));
		return ids;
	}

	private List<String> matches(String alertId) {
		List<String> ids = new ArrayList<>();
		JsonNode answer = okJson(this.mvc, "/api/v1/alerts/" + alertId + "/matches?size=100");
		answer.path("matches").forEach((match) -> ids.add(match.path("articleId").asString()));
		return ids;
	}

}
