package newsroom.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import newsroom.events.DeadLetterHeaders;
import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import newsroom.events.Story;
import newsroom.events.StoryEntity;
import newsroom.events.Topics;
import newsroom.search.index.IndexDocument;
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
 * Stories on the search side, on the real Kafka and Elasticsearch: enriched articles with
 * their story ids and story snapshots published as enrich-service does, then
 * {@code collapse=story}, {@code /api/v1/stories} and {@code /api/v1/stories/{id}}.
 * Acceptance 1 of issue 14 at the search side: three versions of one event from three
 * sources and three unrelated articles make four hits, the story's saying 3 articles from
 * 3 sources.
 */
class StoriesIntegrationTests extends RealServersTestSupport {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ElasticsearchClient elasticsearch;

	@Test
	void collapsesThreeVersionsOfOneEventIntoOneHitBesideThreeUnrelatedArticles() throws Exception {
		Event event = publishEvent("collapse");

		JsonNode collapsed = search("q=" + event.word() + "&collapse=story");
		assertThat(collapsed.path("total").asLong()).as("stories").isEqualTo(4);
		assertThat(ids(collapsed)).hasSize(4)
			.containsExactlyInAnyOrder(event.second().id(), event.unrelated().get(0).id(),
					event.unrelated().get(1).id(), event.legacy().id());
		// The best match of the story stands for it: the version with the word in its
		// headline.
		JsonNode storyHit = hit(collapsed, event.second().id());
		assertThat(storyHit.path("story").path("id").asString()).isEqualTo(event.first().id());
		assertThat(storyHit.path("story").path("articleCount").asLong()).isEqualTo(3);
		assertThat(strings(storyHit.path("story").path("sources"))).containsExactlyInAnyOrder(event.first().source(),
				event.second().source(), event.third().source());
		assertThat(storyHit.path("highlights").path("title").path(0).asString())
			.contains("<em>" + event.word() + "</em>");
		for (EnrichedArticle alone : List.of(event.unrelated().get(0), event.unrelated().get(1), event.legacy())) {
			JsonNode story = hit(collapsed, alone.id()).path("story");
			assertThat(story.path("id").asString()).as("a story of one").isEqualTo(alone.id());
			assertThat(story.path("articleCount").asLong()).isEqualTo(1);
			assertThat(strings(story.path("sources"))).containsExactly(alone.source());
		}
		// Facets and timeline keep counting articles.
		assertThat(
				collapsed.path("facets").path("sources").findValues("count").stream().mapToLong(JsonNode::asLong).sum())
			.isEqualTo(6);
		assertThat(collapsed.path("histogram").findValues("count").stream().mapToLong(JsonNode::asLong).sum())
			.isEqualTo(6);

		JsonNode plain = search("q=" + event.word());
		assertThat(plain.path("total").asLong()).isEqualTo(6);
		assertThat(plain.path("hits").findValues("story")).as("no story without collapse").isEmpty();
	}

	@Test
	void pagesCollapsedResultsWithCursorsShowingEachStoryOnce() throws Exception {
		Event event = publishEvent("paging");
		for (String order : List.of("relevance", "newest")) {
			List<String> all = ids(search("q=" + event.word() + "&collapse=story&sort=" + order + "&size=10"));
			List<String> paged = new ArrayList<>();
			String cursor = null;
			do {
				JsonNode page = search("q=" + event.word() + "&collapse=story&sort=" + order + "&size=1"
						+ ((cursor != null) ? "&cursor=" + cursor : ""));
				assertThat(page.path("hits").size()).as(order).isLessThanOrEqualTo(1);
				paged.addAll(ids(page));
				cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
			}
			while (cursor != null);
			assertThat(paged).as(order).hasSize(4).containsExactlyElementsOf(all);
		}
		// Newest first, a story is shown by its newest article.
		assertThat(ids(search("q=" + event.word() + "&collapse=story&sort=newest"))).contains(event.third().id())
			.doesNotContain(event.first().id(), event.second().id());
		// A cursor of the collapsed search is refused by the same search without
		// collapse.
		String cursor = search("q=" + event.word() + "&collapse=story&size=1").path("nextCursor").asString();
		assertBadRequest("/api/v1/search?q=" + event.word() + "&size=1&cursor=" + cursor, "cursor");
		// Nor does the stories listing take a search's cursor, though it has an order of
		// the same name.
		String newest = search("q=" + event.word() + "&sort=newest&size=1").path("nextCursor").asString();
		assertBadRequest("/api/v1/stories?sort=newest&cursor=" + newest, "cursor");
	}

	@Test
	void listsStoriesBySizeOrRecencyFilteredAndPaged() throws Exception {
		Event event = publishEvent("listing");
		String tag = event.tag();
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(storyIds("tag=" + tag)).hasSize(3));

		JsonNode bySize = okJson(this.mvc, "/api/v1/stories?tag=" + tag);
		assertThat(storyIds(bySize)).containsExactly(event.first().id(), event.unrelated().get(1).id(),
				event.unrelated().get(0).id());
		JsonNode story = bySize.path("stories").path(0);
		assertThat(story.path("title").asString()).isEqualTo(event.first().title());
		assertThat(story.path("articleCount").asInt()).isEqualTo(3);
		assertThat(strings(story.path("sources"))).containsExactly(event.first().source(), event.second().source(),
				event.third().source());
		assertThat(story.path("firstSeenAt").asString()).isEqualTo("2024-11-01T10:00:00Z");
		assertThat(story.path("lastSeenAt").asString()).isEqualTo("2024-11-01T12:00:00Z");
		assertThat(story.path("entities").path(0).path("name").asString()).isEqualTo("Valmora");
		assertThat(story.path("entities").path(0).path("type").asString()).isEqualTo("LOCATION");
		assertThat(strings(story.path("tags"))).containsExactly("labour", tag);
		assertThat(bySize.path("nextCursor").isNull()).isTrue();

		assertThat(storyIds("tag=" + tag + "&sort=newest")).containsExactly(event.unrelated().get(1).id(),
				event.first().id(), event.unrelated().get(0).id());
		assertThat(storyIds("tag=" + tag + "&source=" + event.second().source())).containsExactly(event.first().id());
		assertThat(storyIds(
				"tag=" + tag + "&source=" + event.second().source() + "&source=" + event.unrelated().get(1).source()))
			.containsExactly(event.first().id(), event.unrelated().get(1).id());
		assertThat(storyIds("tag=" + tag + "&entity=Valmora")).containsExactly(event.first().id());
		assertThat(storyIds("tag=" + tag + "&tag=sport")).containsExactly(event.unrelated().get(1).id());
		assertThat(storyIds("tag=" + tag + "&from=2024-10-15")).containsExactly(event.first().id(),
				event.unrelated().get(1).id());
		assertThat(storyIds("tag=" + tag + "&to=2024-10-31")).containsExactly(event.unrelated().get(0).id());
		assertThat(storyIds("tag=" + tag + "&from=2024-11-01T11:00:00Z&to=2024-11-01"))
			.containsExactly(event.first().id());

		for (String order : List.of("size", "newest")) {
			List<String> paged = new ArrayList<>();
			String cursor = null;
			do {
				JsonNode page = okJson(this.mvc, "/api/v1/stories?tag=" + tag + "&sort=" + order + "&size=1"
						+ ((cursor != null) ? "&cursor=" + cursor : ""));
				paged.addAll(storyIds(page));
				cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
			}
			while (cursor != null);
			assertThat(paged).as(order).containsExactlyElementsOf(storyIds("tag=" + tag + "&sort=" + order));
		}
	}

	@Test
	void servesAStoryWithItsArticlesOldestFirst() throws Exception {
		Event event = publishEvent("detail");
		await().atMost(TIMEOUT)
			.untilAsserted(
					() -> assertThat(this.mvc.get().uri("/api/v1/stories/{id}", event.first().id())).hasStatusOk());

		JsonNode story = okJson(this.mvc, "/api/v1/stories/" + event.first().id());
		assertThat(story.path("id").asString()).isEqualTo(event.first().id());
		assertThat(story.path("articleCount").asInt()).isEqualTo(3);
		assertThat(story.path("title").asString()).isEqualTo(event.first().title());
		assertThat(ids(story.path("articles"))).containsExactly(event.first().id(), event.second().id(),
				event.third().id());
		JsonNode first = story.path("articles").path(0);
		assertThat(first.path("title").asString()).isEqualTo(event.first().title());
		assertThat(first.path("source").asString()).isEqualTo(event.first().source());
		assertThat(first.path("url").asString()).isEqualTo(event.first().url());
		assertThat(first.path("publishedAt").asString()).isEqualTo("2024-11-01T10:00:00Z");
		// Listed in time order, unscored: null, never NaN.
		assertThat(first.path("score").isNull()).as("score %s", first.path("score")).isTrue();
		assertThat(first.path("highlights").path("title").isArray()).isTrue();

		MvcTestResult unknown = this.mvc.get().uri("/api/v1/stories/{id}", "no-such-story-" + RUN).exchange();
		assertThat(unknown).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json.readTree(body(unknown));
		assertThat(problem.path("title").asString()).isEqualTo("Story not found");
		assertThat(problem.path("detail").asString()).contains("no-such-story-" + RUN);
	}

	@Test
	void keepsTheNewerSnapshotWhenAnOlderOrRedeliveredOneArrives() {
		String id = uniqueId("snapshots");
		String tag = "snapshots-" + RUN;
		Story three = story(id, "Three articles", 3, Instant.parse("2024-11-02T12:00:00Z"), tag);
		publishStory(three, 0);
		awaitStory(id, 3);

		// Older (two articles), then redelivered (the same three), each followed by a
		// marker on the same partition: once the marker is stored, the snapshot before
		// it was handled.
		publishStory(story(id, "Two articles", 2, Instant.parse("2024-11-02T11:00:00Z"), tag), 0);
		awaitMarker(tag);
		assertThat(storyTitle(id)).isEqualTo("Three articles");

		publishStory(story(id, "Four articles", 4, Instant.parse("2024-11-02T13:00:00Z"), tag), 0);
		awaitStory(id, 4);
		publishStory(three, 0);
		awaitMarker(tag);
		JsonNode stored = okJson(this.mvc, "/api/v1/stories/" + id);
		assertThat(stored.path("articleCount").asInt()).isEqualTo(4);
		assertThat(stored.path("title").asString()).isEqualTo("Four articles");
		assertThat(stored.path("lastSeenAt").asString()).isEqualTo("2024-11-02T13:00:00Z");
	}

	@Test
	void sendsUnusableSnapshotsToTheDeadLetterTopicAndStoresTheOthers() {
		String unreadable = uniqueId("unreadable-story");
		String withoutId = uniqueId("story-without-id");
		byte[] broken = "{\"storyId\": \"half a snapshot".getBytes(StandardCharsets.UTF_8);
		byte[] nameless = "{\"schemaVersion\": 1, \"title\": \"No id\", \"articleCount\": 1}"
			.getBytes(StandardCharsets.UTF_8);
		sendStory(unreadable, broken, 1);
		sendStory(withoutId, nameless, 1);
		String after = uniqueId("after-the-bad-ones");
		publishStory(story(after, "After the bad ones", 1, Instant.parse("2024-11-03T10:00:00Z"), "dlt-" + RUN), 1);

		awaitStory(after, 1);
		List<ConsumerRecord<String, byte[]>> parked = deadLetters(Topics.STORIES_DLT, List.of(unreadable, withoutId));
		ConsumerRecord<String, byte[]> undecodable = parked.stream()
			.filter((record) -> record.key().equals(unreadable))
			.findFirst()
			.orElseThrow();
		assertThat(header(undecodable, DeadLetterHeaders.ERROR)).startsWith("tools.jackson.");
		assertThat(undecodable.value()).isEqualTo(broken);
		ConsumerRecord<String, byte[]> rejected = parked.stream()
			.filter((record) -> record.key().equals(withoutId))
			.findFirst()
			.orElseThrow();
		assertThat(header(rejected, DeadLetterHeaders.ERROR))
			.isEqualTo("newsroom.search.elasticsearch.DocumentRejectedException");
		assertThat(header(rejected, DeadLetterHeaders.REASON)).contains("storyId");
		assertThat(this.mvc.get().uri("/api/v1/stories/{id}", withoutId)).hasStatus(404);
	}

	@Test
	void answersBadParametersWithProblemsNamingThem() {
		assertBadRequest("/api/v1/search?collapse=stories", "collapse");
		assertBadRequest("/api/v1/search?collapse=", "collapse");
		assertBadRequest("/api/v1/stories?sort=relevance", "sort");
		assertBadRequest("/api/v1/stories?size=101", "size");
		assertBadRequest("/api/v1/stories?from=yesterday", "from");
		assertBadRequest("/api/v1/stories?from=2024-11-02&to=2024-11-01", "to");
		assertBadRequest("/api/v1/stories?cursor=abc", "cursor");
		JsonNode all = problem("/api/v1/stories?size=0&sort=big&to=nope");
		assertThat(all.path("errors").findValues("field")).extracting(JsonNode::asString)
			.containsExactly("size", "sort", "to");
	}

	/**
	 * Publish an event's articles and snapshots, index the legacy article directly, and
	 * wait until all six articles are searchable.
	 */
	private Event publishEvent(String name) throws IOException {
		String word = name + runWord();
		String tag = name + "-" + RUN;
		String storyId = uniqueId(name + "-ferry-strike");
		List<Entity> entities = List.of(TestArticles.entity("Valmora", EntityType.LOCATION, 0.9),
				TestArticles.entity("Ines Halvorsen", EntityType.PERSON, 0.5));
		EnrichedArticle first = TestArticles
			.article(storyId, 1, "Ferry crews in Valmora strike over night shifts",
					"Ferry crews in Valmora walked off the job on Friday (" + word + "), halting every crossing.",
					"lakeside-" + name + "-" + RUN, Instant.parse("2024-11-01T10:00:00Z"), entities, List.of("labour"))
			.withStoryId(storyId);
		EnrichedArticle second = TestArticles
			.article(uniqueId(name + "-second"), 1, "Valmora ferries stand still in " + word,
					"No ferry left Valmora on Friday as crews struck over night shifts.",
					"westside-" + name + "-" + RUN, Instant.parse("2024-11-01T11:00:00Z"), entities, List.of("labour"))
			.withStoryId(storyId);
		EnrichedArticle third = TestArticles
			.article(uniqueId(name + "-third"), 1, "Strike halts the Valmora crossings",
					"The Valmora Seafarers' Union called the strike (" + word + ") after talks broke down.",
					"northside-" + name + "-" + RUN, Instant.parse("2024-11-01T12:00:00Z"), entities, List.of("labour"))
			.withStoryId(storyId);
		EnrichedArticle apples = alone(uniqueId(name + "-apples"), "A record apple harvest on Skarholm",
				"Orchards on Skarholm report their best year (" + word + ").", "lakeside-" + name + "-" + RUN,
				Instant.parse("2024-10-01T09:00:00Z"), List.of("economy-business-finance"));
		EnrichedArticle cup = alone(uniqueId(name + "-cup"), "Skarholm wins the cup final",
				"A late goal settled the final (" + word + ").", "eastside-" + name + "-" + RUN,
				Instant.parse("2024-11-05T09:00:00Z"), List.of("sport"));
		EnrichedArticle legacy = TestArticles.article(uniqueId(name + "-legacy"), 1, "Council votes on the budget",
				"The council passed the harbour budget (" + word + ").", "southside-" + name + "-" + RUN,
				Instant.parse("2024-11-03T09:00:00Z"), List.of(), List.of("politics"));
		publishAll(List.of(first, second, third, apples, cup));
		indexAsBeforeStories(legacy);
		publishStory(new Story(Story.SCHEMA_VERSION, storyId, first.title(), 3,
				List.of(first.source(), second.source(), third.source()), List.of(third.id(), second.id(), first.id()),
				first.publishedAt(), third.publishedAt(), List.of(new StoryEntity("Valmora", EntityType.LOCATION),
						new StoryEntity("Ines Halvorsen", EntityType.PERSON)),
				List.of("labour", tag)), null);
		publishStory(new Story(Story.SCHEMA_VERSION, apples.id(), apples.title(), 1, List.of(apples.source()),
				List.of(apples.id()), apples.publishedAt(), apples.publishedAt(),
				List.of(new StoryEntity("Skarholm", EntityType.LOCATION)), List.of(tag)), null);
		publishStory(new Story(Story.SCHEMA_VERSION, cup.id(), cup.title(), 1, List.of(cup.source()), List.of(cup.id()),
				cup.publishedAt(), cup.publishedAt(), List.of(), List.of(tag, "sport")), null);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(search("q=" + word).path("total").asLong()).isEqualTo(6));
		return new Event(word, tag, first, second, third, List.of(apples, cup), legacy);
	}

	private static EnrichedArticle alone(String id, String title, String text, String source, Instant publishedAt,
			List<String> tags) {
		return TestArticles.article(id, 1, title, text, source, publishedAt, List.of(), tags).withStoryId(id);
	}

	/** As a version of the service from before stories indexed it: without storyId. */
	@SuppressWarnings("unchecked")
	private void indexAsBeforeStories(EnrichedArticle article) throws IOException {
		Map<String, Object> document = json.convertValue(IndexDocument.from(article), Map.class);
		document.remove("storyId");
		this.elasticsearch.index((index) -> index.index(ALIAS).id(article.id()).document(document));
	}

	private JsonNode search(String query) {
		return okJson(this.mvc, "/api/v1/search?" + query);
	}

	private List<String> storyIds(String query) {
		return storyIds(okJson(this.mvc, "/api/v1/stories?" + query));
	}

	private String storyTitle(String id) {
		return okJson(this.mvc, "/api/v1/stories/" + id).path("title").asString();
	}

	private void awaitStory(String id, int articleCount) {
		await().atMost(TIMEOUT).untilAsserted(() -> {
			MvcTestResult result = this.mvc.get().uri("/api/v1/stories/{id}", id).exchange();
			assertThat(result).hasStatusOk();
			assertThat(json.readTree(body(result)).path("articleCount").asInt()).isEqualTo(articleCount);
		});
	}

	private void awaitMarker(String tag) {
		String marker = uniqueId("marker");
		publishStory(story(marker, "Marker", 1, Instant.parse("2024-11-01T00:00:00Z"), tag), 0);
		awaitStory(marker, 1);
	}

	private void assertBadRequest(String uri, String field) {
		JsonNode problem = problem(uri);
		assertThat(problem.path("errors").findValues("field")).as(uri)
			.extracting(JsonNode::asString)
			.containsExactly(field);
	}

	private JsonNode problem(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).as(uri).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		return json.readTree(body(result));
	}

	private static JsonNode hit(JsonNode answer, String id) {
		for (JsonNode hit : answer.path("hits")) {
			if (hit.path("id").asString().equals(id)) {
				return hit;
			}
		}
		throw new AssertionError("No hit " + id + " in " + answer);
	}

	private static List<String> ids(JsonNode answer) {
		JsonNode hits = answer.isArray() ? answer : answer.path("hits");
		List<String> ids = new ArrayList<>();
		hits.forEach((hit) -> ids.add(hit.path("id").asString()));
		return ids;
	}

	private static List<String> storyIds(JsonNode answer) {
		List<String> ids = new ArrayList<>();
		answer.path("stories").forEach((story) -> ids.add(story.path("id").asString()));
		return ids;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	private static Story story(String id, String title, int articleCount, Instant lastSeenAt, String tag) {
		return new Story(Story.SCHEMA_VERSION, id, title, articleCount, List.of("lakeside"), List.of(id),
				lastSeenAt.minusSeconds(3600), lastSeenAt, List.of(), List.of(tag));
	}

	/**
	 * One event reported by three sources (one story) and three unrelated articles, one
	 * of them indexed as an older version of the service did (no {@code storyId}), all
	 * with a word of their own; published, indexed and searchable.
	 *
	 * @param word the word every article holds
	 * @param tag the tag of every snapshot
	 * @param first the story's first article (its id is the story's)
	 * @param second the second version, the word in its headline
	 * @param third the third version
	 * @param unrelated two articles alone in their stories
	 * @param legacy an article indexed without a story
	 */
	private record Event(String word, String tag, EnrichedArticle first, EnrichedArticle second, EnrichedArticle third,
			List<EnrichedArticle> unrelated, EnrichedArticle legacy) {

	}

}
