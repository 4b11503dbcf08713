package newsroom.search.query;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import newsroom.events.Origin;
import newsroom.search.RealServersTestSupport;
import newsroom.search.config.SearchProperties;
import newsroom.search.index.ArticleHit;
import newsroom.search.index.HitSource;
import newsroom.search.parameter.CursorCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The answer of {@code GET /api/v1/search} on the real Elasticsearch is, byte for byte,
 * the one the typed client's model of Elasticsearch's answer gives ({@link #typed}, the
 * way the service read it before it read the JSON itself): hits with highlights, scores
 * and missing fields, the four facets, the timeline rolled up to weeks, the total and the
 * next cursor, which pages on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAnswerIntegrationTests extends RealServersTestSupport {

	private static final String SOURCE = "answer-" + RUN;

	private static final String OTHER_SOURCE = "answer-other-" + RUN;

	private static final int ARTICLES = 40;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JsonMapper json;

	@Autowired
	private SearchRequests requests;

	@Autowired
	private CursorCodec cursors;

	@Autowired
	private SearchProperties properties;

	@BeforeAll
	void indexArticles() {
		List<EnrichedArticle> articles = new ArrayList<>();
		Instant first = Instant.parse("2023-01-02T08:00:00Z");
		for (int i = 0; i < ARTICLES; i++) {
			articles.add(article(i, first.plus(Duration.ofDays(11L * i)).plusSeconds(37L * i)));
		}
		publishAll(articles);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(answer("source=" + SOURCE + "&source=" + OTHER_SOURCE).path("total").asLong())
						.isEqualTo(ARTICLES));
	}

	@Test
	void answersFreeTextAsTheTypedModelDid() {
		assertSameAnswer("q=ferry&source=" + SOURCE + "&source=" + OTHER_SOURCE);
		assertSameAnswer("q=ferry%20-harbour&source=" + SOURCE + "&size=3");
		assertSameAnswer("q=%22crews%20strike%22&source=" + SOURCE + "&source=" + OTHER_SOURCE + "&size=100");
	}

	@Test
	void answersFiltersWithoutTextAsTheTypedModelDid() {
		assertSameAnswer("source=" + SOURCE + "&source=" + OTHER_SOURCE);
		assertSameAnswer("source=" + SOURCE + "&tag=labour&size=1");
		assertSameAnswer("source=" + SOURCE + "&entity=Valmora&from=2023-03-01&to=2023-09-30");
		assertSameAnswer("source=" + SOURCE + "&q=nothingmatchesthis");
	}

	@Test
	void pagesWithTheCursorOfTheLastHit() {
		String query = "q=ferry&source=" + SOURCE + "&source=" + OTHER_SOURCE + "&size=7";
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String page = query + ((cursor != null) ? "&cursor=" + cursor : "");
			JsonNode answer = assertSameAnswer(page);
			answer.path("hits").forEach((hit) -> seen.add(hit.path("id").asString()));
			cursor = answer.path("nextCursor").isNull() ? null : answer.path("nextCursor").asString();
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isGreaterThan(2);
		assertThat(seen).doesNotHaveDuplicates().hasSize(answer(query).path("total").asInt());
	}

	@Test
	void rollsTheTimelineUpAndRanksEntityFacetsAcrossTypes() {
		JsonNode answer = assertSameAnswer("source=" + SOURCE + "&source=" + OTHER_SOURCE);
		// 40 articles eleven days apart: more than 120 days, so weeks.
		assertThat(answer.path("histogramInterval").asString()).isEqualTo("week");
		assertThat(answer.path("histogram").size()).isEqualTo(ARTICLES);
		assertThat(answer.path("histogram").path(0).toString()).isEqualTo("{\"date\":\"2023-01-02\",\"count\":1}");
		// "Valmora" is both a place and a company: one value per type.
		assertThat(answer.path("facets").path("entities").toString())
			.contains("{\"value\":\"Valmora\",\"type\":\"LOCATION\",\"count\":" + ARTICLES + "}")
			.contains("{\"value\":\"Valmora\",\"type\":\"ORGANIZATION\",\"count\":" + (ARTICLES / 4) + "}");
		assertThat(answer.path("facets").path("languages").toString())
			.isEqualTo("[{\"value\":\"en\",\"count\":30},{\"value\":\"de\",\"count\":10}]");
	}

	/**
	 * Assert the service answers the query exactly as the typed model of Elasticsearch's
	 * answer to the same request does.
	 * @return the answer
	 */
	private JsonNode assertSameAnswer(String query) {
		MvcTestResult result = this.mvc.get().uri(URI.create("/api/v1/search?" + query)).exchange();
		assertThat(result).hasStatusOk();
		String body = body(result);
		SearchParameters parameters = parameters(query);
		String expected = this.json.writeValueAsString(typed(parameters.search(this.cursors)));
		assertThat(body).isEqualTo(expected);
		return this.json.readTree(body);
	}

	private JsonNode answer(String query) {
		return okJson(this.mvc, "/api/v1/search?" + query);
	}

	/**
	 * The parameters of a query string as the controller binds them, for these tests'
	 * queries.
	 */
	private static SearchParameters parameters(String query) {
		String q = null;
		String size = null;
		String cursor = null;
		String from = null;
		String to = null;
		List<String> entity = new ArrayList<>();
		List<String> tag = new ArrayList<>();
		List<String> source = new ArrayList<>();
		for (String pair : query.split("&")) {
			String name = pair.substring(0, pair.indexOf('='));
			String value = URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
			switch (name) {
				case "q" -> q = value;
				case "size" -> size = value;
				case "cursor" -> cursor = value;
				case "from" -> from = value;
				case "to" -> to = value;
				case "entity" -> entity.add(value);
				case "tag" -> tag.add(value);
				case "source" -> source.add(value);
				default -> throw new IllegalArgumentException(name);
			}
		}
		return new SearchParameters(q, size, null, from, to, cursor, entity, tag, source, null, null);
	}

	/**
	 * The answer as the service built it from the typed client's model of Elasticsearch's
	 * answer, before it read the JSON itself: the reference this test holds the service
	 * to.
	 */
	private SearchResponse typed(ArticleSearch search) {
		ResponseBody<HitSource> response = this.requests.send(this.requests.page(search), HitSource.class);
		List<Hit<HitSource>> hits = response.hits().hits();
		boolean more = hits.size() > search.size();
		List<Hit<HitSource>> page = more ? hits.subList(0, search.size()) : hits;
		List<FieldValue> next = more ? page.get(page.size() - 1).sort() : null;
		MatchCounts counts = MatchCounts.of(response.aggregations());
		List<SearchResponse.EntityFacet> entities = counts.entities()
			.stream()
			.sorted(Comparator.comparingLong(SearchResponse.EntityFacet::count)
				.reversed()
				.thenComparing(SearchResponse.EntityFacet::value))
			.limit(this.properties.query().facetSize())
			.toList();
		Timeline timeline = Timeline.of(counts.days(), this.properties.query().histogramMaxBuckets());
		List<ArticleHit> articles = page.stream().map(HitSource::toHit).toList();
		return new SearchResponse(response.hits().total().value(), articles,
				new SearchResponse.Facets(entities, counts.tags(), counts.sources(), counts.languages()),
				timeline.buckets(),
				(next != null) ? this.cursors.encode(search.sort(), next, search.fingerprint()) : null,
				timeline.interval().value());
	}

	/**
	 * Articles that differ in what a hit can lack or hold: every fourth without author,
	 * tags or entities, every fourth in German, "Valmora" as a place in all and as a
	 * company in a quarter, words in title and text to highlight.
	 */
	private static EnrichedArticle article(int i, Instant publishedAt) {
		String id = uniqueId("answer" + i);
		String source = (i % 5 == 0) ? OTHER_SOURCE : SOURCE;
		String title = (i % 3 == 0) ? "Ferry crews strike in Valmora, day " + i : "Harbour notes " + i;
		String text = "The ferry crews strike again. Talks about night shifts broke down on day " + i
				+ ". <b>Markup</b> & quotes \"stay\" text. " + "Ferry ".repeat(i % 4) + "passengers wait.";
		List<Entity> entities = new ArrayList<>();
		if (i % 4 != 1) {
			entities.add(new Entity("Valmora", EntityType.LOCATION, 3, 0.9, "NO"));
			entities.add(new Entity("Ines Halvorsen " + (i % 6), EntityType.PERSON, 1, 0.4, null));
		}
		else {
			entities.add(new Entity("Valmora", EntityType.LOCATION, 1, 0.5, "NO"));
		}
		if (i % 4 == 2) {
			entities.add(new Entity("Valmora", EntityType.ORGANIZATION, 1, 0.3, null));
		}
		List<String> tags = List.of();
		if (i % 4 != 1) {
			tags = (i % 2 == 0) ? List.of("labour") : List.of("economy-business-finance", "labour");
		}
		String url = "https://" + source + ".example/news/" + id;
		return new EnrichedArticle(1, id, 1, url, url, source, title, text, (i % 4 == 3) ? null : "Mara Okonjo",
				publishedAt, publishedAt.plusSeconds(60), (i % 4 == 0) ? "de" : "en", "hash-" + id, Origin.API, null,
				"The ferry crews strike again.", entities, tags, List.of("ferry"), 30, 1, publishedAt.plusSeconds(120),
				null);
	}

}
