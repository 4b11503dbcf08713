package newsroom.search;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import newsroom.events.CloudEventHeaders;
import newsroom.events.DeadLetterHeaders;
import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import newsroom.events.Origin;
import newsroom.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * search-service on the real Kafka and Elasticsearch: enriched records in, searches and
 * articles out, and the records Elasticsearch refuses on the dead-letter topic.
 */
class SearchServiceIntegrationTests extends RealServersTestSupport {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@Test
	void makesPublishedArticlesSearchableWithHighlightsFacetsAndHistogram() throws IOException {
		String source = "eastside-" + RUN;
		String sample = Files.readString(Path.of("..", "..", "shared", "samples", "eastside-north-korea-troops.txt"));
		EnrichedArticle troops = article(uniqueId("troops"), 1, "North Korea deploys troops to Russia", sample, source,
				Instant.parse("2024-11-01T10:00:00Z"), List.of(entity("North Korea", EntityType.LOCATION, 0.9),
						entity("Russia", EntityType.LOCATION, 0.7), entity("Anthony Blinken", EntityType.PERSON, 0.3)),
				List.of("conflict-war-peace", "politics"));
		EnrichedArticle treaty = article(uniqueId("treaty"), 1, "Pyongyang and Moscow sign a defence treaty",
				"The treaty commits both countries to military assistance. Troops may follow.", source,
				Instant.parse("2024-11-02T08:30:00Z"),
				List.of(entity("North Korea", EntityType.LOCATION, 0.8), entity("Kim Jong Un", EntityType.PERSON, 0.6)),
				List.of("politics"));
		EnrichedArticle harvest = article(uniqueId("harvest"), 1, "A record apple harvest",
				"Orchards report the best year in a decade.", source, Instant.parse("2024-11-01T16:00:00Z"),
				List.of(entity("Washington", EntityType.LOCATION, 0.5)), List.of("economy-business-finance"));
		publish(troops, null);
		publish(treaty, null);
		publish(harvest, null);

		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(search("source=" + source).path("total").asLong()).isEqualTo(3));
		JsonNode answer = search("q=troops&source=" + source);

		assertThat(answer.path("total").asLong()).isEqualTo(2);
		assertThat(answer.path("nextCursor").isNull()).isTrue();
		JsonNode first = answer.path("hits").path(0);
		assertThat(first.path("id").asString()).isEqualTo(troops.id());
		assertThat(first.path("url").asString()).isEqualTo(troops.url());
		assertThat(first.path("title").asString()).isEqualTo(troops.title());
		assertThat(first.path("source").asString()).isEqualTo(source);
		assertThat(first.path("author").asString()).isEqualTo("Chloe Ren");
		assertThat(first.path("publishedAt").asString()).isEqualTo("2024-11-01T10:00:00Z");
		assertThat(first.path("language").asString()).isEqualTo("en");
		assertThat(first.path("summary").asString()).isEqualTo(troops.summary());
		assertThat(strings(first.path("tags"))).containsExactly("conflict-war-peace", "politics");
		assertThat(first.path("entities").path(0).path("name").asString()).isEqualTo("North Korea");
		assertThat(first.path("entities").path(0).path("type").asString()).isEqualTo("LOCATION");
		assertThat(strings(first.path("highlights").path("title")))
			.containsExactly("North Korea deploys <em>troops</em> to Russia");
		assertThat(strings(first.path("highlights").path("text"))).isNotEmpty()
			.allSatisfy((fragment) -> assertThat(fragment).contains("<em>troops</em>"));
		assertThat(first.path("score").asDouble()).isPositive();
		assertThat(answer.path("hits").path(1).path("id").asString()).isEqualTo(treaty.id());

		JsonNode facets = answer.path("facets");
		assertThat(facets.path("entities").path(0).path("value").asString()).isEqualTo("North Korea");
		assertThat(facets.path("entities").path(0).path("type").asString()).isEqualTo("LOCATION");
		assertThat(facets.path("entities").path(0).path("count").asLong()).isEqualTo(2);
		assertThat(facetCounts(facets.path("tags"))).containsExactly(Map.entry("politics", 2L),
				Map.entry("conflict-war-peace", 1L));
		assertThat(facetCounts(facets.path("sources"))).containsExactly(Map.entry(source, 2L));
		assertThat(facetCounts(facets.path("languages"))).containsExactly(Map.entry("en", 2L));
		assertThat(answer.path("histogram").toString())
			.isEqualTo("[{\"date\":\"2024-11-01\",\"count\":1},{\"date\":\"2024-11-02\",\"count\":1}]");
	}

	@Test
	void filtersByEntityTagDatesAndPagesWithCursors() {
		String source = "westside-" + RUN;
		List<EnrichedArticle> articles = new ArrayList<>();
		for (int day = 1; day <= 5; day++) {
			articles.add(article(uniqueId("day" + day), 1, "Election diary, day " + day, "Polls open across the state.",
					source, Instant.parse("2024-11-0" + day + "T12:00:00Z"),
					List.of(entity("Jane Roe", EntityType.PERSON, 0.9),
							entity((day % 2 == 0) ? "Senate" : "Governor", EntityType.ORGANIZATION, 0.4)),
					(day <= 3) ? List.of("politics") : List.of("politics", "society")));
		}
		articles.forEach((article) -> publish(article, null));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(search("source=" + source).path("total").asLong()).isEqualTo(5));

		assertThat(ids(search("source=" + source + "&entity=Senate"))).containsExactly(articles.get(3).id(),
				articles.get(1).id());
		assertThat(ids(search("source=" + source + "&tag=politics&tag=society"))).containsExactly(articles.get(4).id(),
				articles.get(3).id());
		assertThat(ids(search("source=" + source + "&from=2024-11-02&to=2024-11-03")))
			.containsExactly(articles.get(2).id(), articles.get(1).id());
		assertThat(search("source=" + source + "&language=fr").path("total").asLong()).isZero();

		JsonNode page1 = search("source=" + source + "&size=2");
		assertThat(ids(page1)).containsExactly(articles.get(4).id(), articles.get(3).id());
		assertThat(page1.path("total").asLong()).isEqualTo(5);
		JsonNode page2 = search("source=" + source + "&size=2&cursor=" + page1.path("nextCursor").asString());
		assertThat(ids(page2)).containsExactly(articles.get(2).id(), articles.get(1).id());
		JsonNode page3 = search("source=" + source + "&size=2&cursor=" + page2.path("nextCursor").asString());
		assertThat(ids(page3)).containsExactly(articles.get(0).id());
		assertThat(page3.path("nextCursor").isNull()).isTrue();
	}

	@Test
	void servesTheWholeArticleById() {
		EnrichedArticle article = article(uniqueId("byid"), 1, "Parliament passes the budget",
				"The budget passed on a narrow vote.", "northside-" + RUN, Instant.parse("2024-10-30T09:00:00Z"),
				List.of(entity("Parliament", EntityType.ORGANIZATION, 0.9)), List.of("politics"));
		publish(article, null);

		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.mvc.get().uri("/api/v1/articles/{id}", article.id())).hasStatusOk());
		MvcTestResult result = this.mvc.get().uri("/api/v1/articles/{id}", article.id()).exchange();
		EnrichedArticle served = json.readValue(body(result), EnrichedArticle.class);
		// A record without a story (written before stories) is a story of its own.
		assertThat(served).isEqualTo(article.withStoryId(article.id()));
	}

	@Test
	void answersNotFoundProblemForUnknownArticle() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/articles/{id}", "no-such-article-" + RUN).exchange();
		assertThat(result).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json.readTree(body(result));
		assertThat(problem.path("status").asInt()).isEqualTo(404);
		assertThat(problem.path("title").asString()).isEqualTo("Article not found");
		assertThat(problem.path("detail").asString()).contains("no-such-article-" + RUN);
	}

	@Test
	void keepsTheNewerRevisionWhenAnOlderOneArrivesLater() {
		String id = uniqueId("revised");
		String source = "southside-" + RUN;
		publish(article(id, 2000, "Second version", "Corrected text.", source, Instant.parse("2024-11-03T10:00:00Z"),
				List.of(), List.of()), 0);
		publish(article(id, 1000, "First version", "Original text.", source, Instant.parse("2024-11-03T10:00:00Z"),
				List.of(), List.of()), 0);
		// Same partition, so once the marker is indexed the older revision has been
		// handled.
		String marker = uniqueId("marker");
		publish(article(marker, 1, "Marker", "Marker.", source, Instant.parse("2024-11-03T11:00:00Z"), List.of(),
				List.of()), 0);

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(ids(search("source=" + source))).contains(marker));
		MvcTestResult result = this.mvc.get().uri("/api/v1/articles/{id}", id).exchange();
		JsonNode article = json.readTree(body(result));
		assertThat(article.path("revision").asLong()).isEqualTo(2000);
		assertThat(article.path("title").asString()).isEqualTo("Second version");
	}

	@Test
	void sendsRejectedAndUnreadableRecordsToTheDeadLetterTopicAndIndexesTheOthers() {
		String source = "deadletter-" + RUN;
		EnrichedArticle before = article(uniqueId("before"), 1, "Before the bad one", "Fine.", source,
				Instant.parse("2024-11-04T10:00:00Z"), List.of(), List.of());
		// A mistyped year on the publisher's page: valid ISO-8601, beyond Elasticsearch's
		// date range, so the index refuses the document.
		EnrichedArticle mistyped = article(uniqueId("mistyped"), 1, "Mistyped date", "Year 20244.", source,
				Instant.parse("+20244-11-04T10:00:00Z"), List.of(), List.of());
		String unreadableKey = uniqueId("unreadable");
		byte[] unreadable = "{\"id\": \"half a record".getBytes(StandardCharsets.UTF_8);
		EnrichedArticle after = article(uniqueId("after"), 1, "After the bad ones", "Fine too.", source,
				Instant.parse("2024-11-04T11:00:00Z"), List.of(), List.of());
		publish(before, 1);
		publish(mistyped, 1);
		send(unreadableKey, unreadable, 1);
		publish(after, 1);

		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(ids(search("source=" + source))).containsExactlyInAnyOrder(before.id(),
					after.id()));
		List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters(Topics.ENRICHED_DLT,
				List.of(mistyped.id(), unreadableKey));

		ConsumerRecord<String, byte[]> rejected = deadLetters.stream()
			.filter((record) -> record.key().equals(mistyped.id()))
			.findFirst()
			.orElseThrow();
		assertThat(header(rejected, DeadLetterHeaders.ERROR))
			.isEqualTo("newsroom.search.elasticsearch.DocumentRejectedException");
		assertThat(header(rejected, DeadLetterHeaders.REASON)).contains("publishedAt");
		assertThat(Instant.parse(header(rejected, DeadLetterHeaders.FAILED_AT))).isNotNull();
		assertThat(header(rejected, CloudEventHeaders.TYPE)).isEqualTo(CloudEventHeaders.ENRICHED_TYPE);
		assertThat(json.readValue(rejected.value(), EnrichedArticle.class)).isEqualTo(mistyped);

		ConsumerRecord<String, byte[]> undecodable = deadLetters.stream()
			.filter((record) -> record.key().equals(unreadableKey))
			.findFirst()
			.orElseThrow();
		// The JSON parser's exception, not the deserializer's wrapper around it.
		assertThat(header(undecodable, DeadLetterHeaders.ERROR)).startsWith("tools.jackson.");
		assertThat(header(undecodable, DeadLetterHeaders.REASON)).isNotBlank();
		assertThat(undecodable.value()).isEqualTo(unreadable);
	}

	@Test
	void reportsElasticsearchHealth() {
		MvcTestResult result = this.mvc.get().uri("/actuator/health/elasticsearch").exchange();
		assertThat(result).hasStatusOk();
		JsonNode health = json.readTree(body(result));
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("details").path("status").asString()).isIn("green", "yellow");
		assertThat(health.path("details").path("numberOfNodes").asInt()).isPositive();
	}

	@Test
	void answersBadParametersWithValidationProblems() {
		assertBadRequest("size=0", "size");
		assertBadRequest("size=101", "size");
		assertBadRequest("sort=oldest", "sort");
		assertBadRequest("from=2024-02-30", "from");
		assertBadRequest("to=last-week", "to");
		assertBadRequest("cursor=bm90IGEgY3Vyc29y", "cursor");
	}

	private void assertBadRequest(String query, String field) {
		MvcTestResult result = this.mvc.get().uri("/api/v1/search?" + query).exchange();
		assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json.readTree(body(result));
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).contains(field);
		assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo(field);
		assertThat(problem.path("errors").path(0).path("message").asString()).isNotBlank();
	}

	@Test
	void readsSearchParametersAsTheyWereSent() {
		String source = "capital-" + RUN;
		EnrichedArticle capital = article(uniqueId("capital"), 1, "The capital votes", "Turnout was high.", source,
				Instant.parse("2024-11-05T10:00:00Z"), List.of(entity("Washington, D.C.", EntityType.LOCATION, 0.9)),
				List.of("politics"));
		EnrichedArticle state = article(uniqueId("state"), 1, "The state votes", "Turnout was low.", source,
				Instant.parse("2024-11-05T11:00:00Z"), List.of(entity("Washington", EntityType.LOCATION, 0.9)),
				List.of("politics"));
		publish(capital, null);
		publish(state, null);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(search("source=" + source).path("total").asLong()).isEqualTo(2));

		// One entity with a comma in its name, not two entities.
		MvcTestResult result = this.mvc.get()
			.uri(URI.create("/api/v1/search?source=" + source + "&entity=Washington,%20D.C."))
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(ids(json.readTree(body(result)))).containsExactly(capital.id());
		// A parameter sent twice counts once, with its first value.
		assertThat(ids(search("source=" + source + "&size=1&size=500"))).containsExactly(state.id());
	}

	private JsonNode search(String query) {
		return okJson(this.mvc, "/api/v1/search?" + query);
	}

	private static List<String> ids(JsonNode answer) {
		List<String> ids = new ArrayList<>();
		answer.path("hits").forEach((hit) -> ids.add(hit.path("id").asString()));
		return ids;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	private static List<Map.Entry<String, Long>> facetCounts(JsonNode facet) {
		List<Map.Entry<String, Long>> counts = new ArrayList<>();
		facet.forEach((value) -> counts.add(Map.entry(value.path("value").asString(), value.path("count").asLong())));
		return counts;
	}

	private static Entity entity(String name, EntityType type, double salience) {
		return new Entity(name, type, 2, salience, (type == EntityType.LOCATION) ? "KP" : null);
	}

	private static EnrichedArticle article(String id, long revision, String title, String text, String source,
			Instant publishedAt, List<Entity> entities, List<String> tags) {
		String url = "https://" + source + ".example/news/" + id;
		String summary = text.length() > 200 ? text.substring(0, text.indexOf('.') + 1) : text;
		return new EnrichedArticle(1, id, revision, url, url, source, title, text, "Chloe Ren", publishedAt,
				publishedAt.plusSeconds(60), "en", "hash-" + id, Origin.API, null, summary, entities, tags,
				List.of("troops"), text.split("\\s+").length, 1, publishedAt.plusSeconds(120), null);
	}

}
