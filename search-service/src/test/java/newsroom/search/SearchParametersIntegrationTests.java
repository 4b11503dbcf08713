package newsroom.search;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
 * Every parameter of {@code GET /api/v1/search} as API.md lists it, on the real node,
 * over 250 articles whose expected answers the test computes itself: filters, free text
 * operators, both orders, cursor paging without repeats or gaps, facets that agree with
 * the totals of the filtered searches, the timeline, the size cap and the guards.
 */
class SearchParametersIntegrationTests extends RealServersTestSupport {

	private static final int COUNT = 250;

	private static final String SOURCE_A = "params-a-" + RUN;

	private static final String SOURCE_B = "params-b-" + RUN;

	/** Both sources: the 250 articles of this class and nothing else. */
	private static final String MINE = "source=" + SOURCE_A + "&source=" + SOURCE_B;

	private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<EnrichedArticle> articles = new ArrayList<>();

	private static boolean indexed;

	@Autowired
	private MockMvcTester mvc;

	@BeforeAll
	static void publishArticles() {
		for (int i = 0; i < COUNT; i++) {
			List<Entity> entities = new ArrayList<>();
			entities.add(TestArticles.entity("Omega Union", EntityType.ORGANIZATION, 0.2));
			if (i % 2 == 0) {
				entities.add(TestArticles.entity("Alpha Corp", EntityType.ORGANIZATION, 0.8));
			}
			if (i % 3 == 0) {
				entities.add(TestArticles.entity("Beta City", EntityType.LOCATION, 0.6));
			}
			if (i % 5 == 0) {
				entities.add(TestArticles.entity("Gamma Person", EntityType.PERSON, 0.5));
			}
			List<String> tags = new ArrayList<>();
			if (i % 2 == 0) {
				tags.add("politics");
			}
			if (i % 4 == 1) {
				tags.add("economy-business-finance");
			}
			if (i % 7 == 0) {
				tags.add("sport");
			}
			StringBuilder text = new StringBuilder("Report number ").append(i).append(" from the desk.");
			if (i % 2 == 0) {
				text.append(" Troops moved overnight.");
			}
			if (i % 3 == 0) {
				text.append(" The harvest was late.");
			}
			if (i % 5 == 0) {
				text.append(" Envoys from North Korea arrived.");
			}
			if (i % 4 == 0) {
				text.append(" Korea north of the river stayed calm.");
			}
			// Pairs share a publication instant, so the id must break the tie.
			Instant published = START.plus(Duration.ofHours(6L * (i / 2)));
			articles.add(TestArticles.article(uniqueId("p" + i), 1, "Dispatch " + i, text.toString(),
					(i % 3 == 0) ? SOURCE_B : SOURCE_A, published, entities, tags, (i % 10 == 0) ? "de" : "en", null));
		}
		publishAll(articles);
	}

	@BeforeEach
	void awaitIndexed() {
		if (!indexed) {
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(search(MINE).path("total").asLong()).isEqualTo(COUNT));
			indexed = true;
		}
	}

	@Test
	void pagesThroughAllResultsNewestFirstWithoutRepeatsOrGaps() {
		List<String> expected = expected((article) -> true).stream()
			.sorted(Comparator.comparing(EnrichedArticle::publishedAt).reversed().thenComparing(EnrichedArticle::id))
			.map(EnrichedArticle::id)
			.toList();

		List<String> bySmallPages = pageThrough(MINE, 20);
		List<String> byLargePages = pageThrough(MINE + "&size=100", 100);

		assertThat(bySmallPages).hasSize(COUNT).doesNotHaveDuplicates().isEqualTo(expected);
		assertThat(byLargePages).isEqualTo(expected);
	}

	@Test
	void pagesThroughAllResultsByRelevanceWithoutRepeatsOrGaps() {
		List<String> ids = pageThrough(MINE + "&q=report&size=30", 30);
		assertThat(ids).hasSize(COUNT).doesNotHaveDuplicates();
		assertThat(new HashSet<>(ids)).isEqualTo(ids(expected((article) -> true)));
	}

	@Test
	void reportsFacetsThatAgreeWithTheTotalsOfTheFilteredSearches() {
		JsonNode answer = search(MINE);
		JsonNode facets = answer.path("facets");

		Map<String, Long> entities = new LinkedHashMap<>();
		facets.path("entities")
			.forEach((value) -> entities.put(value.path("value").asString(), value.path("count").asLong()));
		assertThat(entities).containsExactly(Map.entry("Omega Union", 250L), Map.entry("Alpha Corp", 125L),
				Map.entry("Beta City", 84L), Map.entry("Gamma Person", 50L));
		assertThat(facets.path("entities").path(2).path("type").asString()).isEqualTo("LOCATION");
		assertThat(facets.path("entities").path(3).path("type").asString()).isEqualTo("PERSON");
		assertThat(counts(facets.path("tags"))).containsExactly(Map.entry("politics", 125L),
				Map.entry("economy-business-finance", 63L), Map.entry("sport", 36L));
		assertThat(counts(facets.path("sources"))).containsExactly(Map.entry(SOURCE_A, 166L), Map.entry(SOURCE_B, 84L));
		assertThat(counts(facets.path("languages"))).containsExactly(Map.entry("en", 225L), Map.entry("de", 25L));

		Map<String, String> parameters = Map.of("entities", "entity", "tags", "tag", "sources", "source", "languages",
				"language");
		parameters.forEach((facet, parameter) -> facets.path(facet).forEach((value) -> {
			String filter = parameter + "=" + encode(value.path("value").asString());
			// Adding a source to both sources would widen, not narrow: filter on it
			// alone.
			String query = "sources".equals(facet) ? filter : MINE + "&" + filter;
			assertThat(search(query).path("total").asLong()).as("total with %s", filter)
				.isEqualTo(value.path("count").asLong());
		}));

		JsonNode narrowed = search(MINE + "&tag=politics").path("facets");
		assertThat(narrowed.path("entities").path(0).path("value").asString()).isIn("Omega Union", "Alpha Corp");
		assertThat(counts(narrowed.path("tags"))).containsEntry("politics", 125L).containsEntry("sport", 18L);
	}

	@Test
	void filtersOnEntitiesTagsSourcesAndLanguage() {
		assertIds(MINE + "&entity=Beta%20City",
				(a) -> a.entities().stream().anyMatch((e) -> e.name().equals("Beta City")));
		assertIds(MINE + "&entity=" + encode("Beta City") + "&entity=" + encode("Gamma Person"),
				(a) -> index(a) % 15 == 0);
		assertIds(MINE + "&tag=politics&tag=sport", (a) -> index(a) % 14 == 0);
		assertIds("source=" + SOURCE_B, (a) -> index(a) % 3 == 0);
		assertIds(MINE + "&language=de", (a) -> index(a) % 10 == 0);
		assertIds(MINE + "&language=de&tag=sport", (a) -> index(a) % 70 == 0);
		assertThat(search(MINE + "&entity=Nobody").path("total").asLong()).isZero();
	}

	@Test
	void filtersOnPublicationDatesAndDateTimes() {
		Instant dayStart = LocalDate.parse("2024-03-05").atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant dayAfterEnd = LocalDate.parse("2024-03-11").atStartOfDay(ZoneOffset.UTC).toInstant();
		assertIds(MINE + "&from=2024-03-05&to=2024-03-10",
				(a) -> !a.publishedAt().isBefore(dayStart) && a.publishedAt().isBefore(dayAfterEnd));
		assertIds(MINE + "&from=2024-03-30", (a) -> !a.publishedAt().isBefore(Instant.parse("2024-03-30T00:00:00Z")));
		assertIds(MINE + "&to=2024-03-01", (a) -> a.publishedAt().isBefore(Instant.parse("2024-03-02T00:00:00Z")));
		// Both ends of a date-time range are included; an offset is honoured.
		assertIds(MINE + "&from=2024-03-05T06:00:00Z&to=" + encode("2024-03-05T20:00:00+02:00"),
				(a) -> !a.publishedAt().isBefore(Instant.parse("2024-03-05T06:00:00Z"))
						&& !a.publishedAt().isAfter(Instant.parse("2024-03-05T18:00:00Z")));
		assertIds(MINE + "&from=2024-03-05T06:00:00",
				(a) -> !a.publishedAt().isBefore(Instant.parse("2024-03-05T06:00:00Z")));
	}

	@Test
	void matchesFreeTextWithPhrasesExclusionsAlternativesAndPrefixes() {
		assertIds(MINE + "&q=troops", (a) -> index(a) % 2 == 0);
		assertIds(MINE + "&q=" + encode("troops harvest"), (a) -> index(a) % 6 == 0);
		assertIds(MINE + "&q=" + encode("troops OR harvest"), (a) -> index(a) % 2 == 0 || index(a) % 3 == 0);
		assertIds(MINE + "&q=" + encode("troops | harvest"), (a) -> index(a) % 2 == 0 || index(a) % 3 == 0);
		assertIds(MINE + "&q=" + encode("troops -harvest"), (a) -> index(a) % 2 == 0 && index(a) % 3 != 0);
		// The phrase, not the two words: "Korea north of" has both words in another
		// order.
		assertIds(MINE + "&q=" + encode("\"north korea\""), (a) -> index(a) % 5 == 0);
		assertIds(MINE + "&q=" + encode("north korea"), (a) -> index(a) % 5 == 0 || index(a) % 4 == 0);
		assertIds(MINE + "&q=harv*", (a) -> index(a) % 3 == 0);
		// Entity names are searched too.
		assertIds(MINE + "&q=gamma", (a) -> index(a) % 5 == 0);
	}

	@Test
	void sortsByRelevanceWithTextAndNewestOtherwise() {
		JsonNode relevance = search(MINE + "&q=" + encode("dispatch 17") + "&size=5");
		assertThat(relevance.path("hits").path(0).path("title").asString()).isEqualTo("Dispatch 17");
		assertThat(relevance.path("hits").path(0).path("score").asDouble()).isPositive();

		List<Instant> newest = new ArrayList<>();
		search(MINE + "&q=" + encode("dispatch 17") + "&sort=newest&size=100").path("hits")
			.forEach((hit) -> newest.add(Instant.parse(hit.path("publishedAt").asString())));
		assertThat(newest).hasSize(1);
		List<Instant> byDefault = new ArrayList<>();
		search(MINE + "&size=10").path("hits")
			.forEach((hit) -> byDefault.add(Instant.parse(hit.path("publishedAt").asString())));
		assertThat(byDefault).isSortedAccordingTo(Comparator.reverseOrder());
		List<Instant> textNewest = new ArrayList<>();
		search(MINE + "&q=troops&sort=newest&size=50").path("hits")
			.forEach((hit) -> textNewest.add(Instant.parse(hit.path("publishedAt").asString())));
		assertThat(textNewest).hasSize(50).isSortedAccordingTo(Comparator.reverseOrder());
	}

	@Test
	void capsThePageAtOneHundredHits() {
		JsonNode page = search(MINE + "&size=100");
		assertThat(page.path("hits").size()).isEqualTo(100);
		assertThat(page.path("total").asLong()).isEqualTo(COUNT);
		assertThat(search(MINE).path("hits").size()).isEqualTo(20);
		assertThat(search(MINE + "&size=1").path("hits").size()).isEqualTo(1);
		assertBadRequest(MINE + "&size=101", "size");
		assertBadRequest(MINE + "&size=1000000", "size");
	}

	@Test
	void countsTheTimelinePerDayAndRollsLongSpansUp() {
		JsonNode answer = search(MINE);
		assertThat(answer.path("histogramInterval").asString()).isEqualTo("day");
		Map<String, Long> expected = articles.stream()
			.collect(Collectors.groupingBy((a) -> a.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString(),
					TreeMap::new, Collectors.counting()));
		assertThat(counts(answer.path("histogram"), "date")).isEqualTo(expected);

		String source = "timeline-" + RUN;
		List<EnrichedArticle> spread = List.of(
				TestArticles.article(uniqueId("t1"), 1, "Old", "Old news.", source,
						Instant.parse("2015-06-01T10:00:00Z"), List.of(), List.of()),
				TestArticles.article(uniqueId("t2"), 1, "Mid", "Mid news.", source,
						Instant.parse("2015-06-20T10:00:00Z"), List.of(), List.of()),
				TestArticles.article(uniqueId("t3"), 1, "New", "New news.", source,
						Instant.parse("2024-11-01T10:00:00Z"), List.of(), List.of()));
		publishAll(spread);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(search("source=" + source).path("total").asLong()).isEqualTo(3));
		JsonNode months = search("source=" + source);
		assertThat(months.path("histogramInterval").asString()).isEqualTo("month");
		assertThat(counts(months.path("histogram"), "date")).containsExactly(Map.entry("2015-06-01", 2L),
				Map.entry("2024-11-01", 1L));
		JsonNode narrowed = search("source=" + source + "&from=2015-01-01&to=2016-12-31");
		assertThat(narrowed.path("histogramInterval").asString()).isEqualTo("day");
		JsonNode wide = search(MINE + "&source=" + source);
		assertThat(wide.path("histogramInterval").asString()).isEqualTo("month");
		assertThat(counts(wide.path("histogram"), "date")).containsEntry("2024-03-01", 248L)
			.containsEntry("2024-04-01", 2L);
	}

	@Test
	void neverExpandsLeadingWildcardsShortPrefixesOrFuzzyTerms() {
		// "*eport" would match every "report" if the wildcard were honoured.
		assertThat(search(MINE + "&q=" + encode("*eport")).path("total").asLong()).isZero();
		assertThat(search(MINE + "&q=" + encode("re*")).path("total").asLong()).isZero();
		assertThat(search(MINE + "&q=" + encode("rep*")).path("total").asLong()).isEqualTo(COUNT);
		assertThat(search(MINE + "&q=" + encode("troopz~2")).path("total").asLong()).isZero();
		assertThat(search(MINE + "&q=" + encode("/tro.*/")).path("total").asLong()).isZero();
		// Query DSL in q is only text.
		assertThat(search(MINE + "&q=" + encode("{\"match_all\":{}}")).path("total").asLong()).isZero();
		assertThat(search(MINE + "&q=" + encode("*")).path("total").asLong()).isEqualTo(COUNT);
	}

	@Test
	void refusesCursorsThatWereAlteredOrMadeForAnotherSearch() {
		String cursor = search(MINE + "&size=10").path("nextCursor").asString();
		assertThat(search(MINE + "&size=10&cursor=" + cursor).path("hits").size()).isEqualTo(10);

		String payload = cursor.substring(0, cursor.indexOf('.'));
		String decoded = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
		// One millisecond later on the first sort value (the publication time).
		Matcher time = Pattern.compile("\"a\":\\[(\\d+)").matcher(decoded);
		assertThat(time.find()).isTrue();
		String forged = decoded.substring(0, time.start(1)) + (Long.parseLong(time.group(1)) + 1)
				+ decoded.substring(time.end(1));
		String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8))
				+ cursor.substring(cursor.indexOf('.'));
		assertBadRequest(MINE + "&size=10&cursor=" + altered, "cursor");
		assertBadRequest(MINE + "&size=10&cursor=" + cursor.substring(0, cursor.length() - 2), "cursor");
		assertBadRequest(MINE + "&tag=politics&cursor=" + cursor, "cursor");
		assertBadRequest(MINE + "&sort=relevance&cursor=" + cursor, "cursor");
		assertBadRequest(MINE + "&cursor=" + encode("{\"s\":\"newest\",\"a\":[1,\"x\"]}"), "cursor");
	}

	@Test
	void answersEveryMalformedParameterWithAProblem() {
		assertBadRequest("size=0", "size");
		assertBadRequest("size=abc", "size");
		assertBadRequest("sort=popular", "sort");
		assertBadRequest("from=2024-03-32", "from");
		assertBadRequest("to=2024-03-01T10", "to");
		assertBadRequest("from=2024-03-05&to=2024-03-01", "to");
		assertBadRequest("q=" + "x".repeat(1001), "q");
	}

	private List<String> pageThrough(String query, int pageSize) {
		List<String> ids = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = search(query + ((cursor != null) ? "&cursor=" + cursor : ""));
			assertThat(page.path("total").asLong()).isEqualTo(COUNT);
			assertThat(page.path("hits").size()).isLessThanOrEqualTo(pageSize);
			page.path("hits").forEach((hit) -> ids.add(hit.path("id").asString()));
			cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
			pages++;
		}
		while (cursor != null && pages <= COUNT);
		assertThat(pages).isEqualTo((COUNT + pageSize - 1) / pageSize);
		return ids;
	}

	private void assertIds(String query, Predicate<EnrichedArticle> expected) {
		Set<String> wanted = ids(expected(expected));
		assertThat(wanted).as("expected hits of %s", query).isNotEmpty();
		List<String> found = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = search(query + "&size=100" + ((cursor != null) ? "&cursor=" + cursor : ""));
			assertThat(page.path("total").asLong()).as("total of %s", query).isEqualTo(wanted.size());
			page.path("hits").forEach((hit) -> found.add(hit.path("id").asString()));
			cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
		}
		while (cursor != null && found.size() < COUNT);
		assertThat(found).as("hits of %s", query).doesNotHaveDuplicates();
		assertThat(new HashSet<>(found)).as("hits of %s", query).isEqualTo(wanted);
	}

	private static List<EnrichedArticle> expected(Predicate<EnrichedArticle> predicate) {
		return articles.stream().filter(predicate).toList();
	}

	private static Set<String> ids(List<EnrichedArticle> list) {
		return list.stream().map(EnrichedArticle::id).collect(Collectors.toSet());
	}

	private static int index(EnrichedArticle article) {
		return Integer.parseInt(article.title().substring("Dispatch ".length()));
	}

	private JsonNode search(String query) {
		MvcTestResult result = this.mvc.get().uri(URI.create("/api/v1/search?" + query)).exchange();
		assertThat(result).hasStatusOk();
		return json.readTree(body(result));
	}

	private void assertBadRequest(String query, String field) {
		MvcTestResult result = this.mvc.get().uri(URI.create("/api/v1/search?" + query)).exchange();
		assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json.readTree(body(result));
		assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo(field);
		assertThat(problem.path("detail").asString()).contains(field);
	}

	private static Map<String, Long> counts(JsonNode facet) {
		return counts(facet, "value");
	}

	private static Map<String, Long> counts(JsonNode buckets, String key) {
		Map<String, Long> counts = new LinkedHashMap<>();
		buckets.forEach((bucket) -> counts.put(bucket.path(key).asString(), bucket.path("count").asLong()));
		return counts;
	}

	/** Percent-encoding that a servlet container and MockMvc decode alike. */
	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
