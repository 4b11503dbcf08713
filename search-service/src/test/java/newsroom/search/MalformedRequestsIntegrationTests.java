package newsroom.search;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import newsroom.events.Story;
import newsroom.events.StoryEntity;
import newsroom.events.Topics;
import newsroom.search.HostileSearchRequests.Corpus;
import newsroom.search.HostileSearchRequests.Page;
import newsroom.testkit.NewsroomServers;
import newsroom.testkit.fuzz.FuzzAnswer;
import newsroom.testkit.fuzz.FuzzRequest;
import newsroom.testkit.fuzz.HostileRequests;
import newsroom.testkit.fuzz.HostileValues;
import newsroom.testkit.fuzz.PublishingService;
import newsroom.testkit.fuzz.RawHttp;
import newsroom.testkit.fuzz.TopicWatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Properties of every search-service endpoint under hostile input, on the real server
 * with the real Kafka broker and Elasticsearch node: no request is answered with a 5xx,
 * every rejection of the API is a 4xx problem, and nothing is published but what an
 * answer says: the read endpoints move no topic on the broker, and the alert endpoints
 * move only the alerts topic, by one record keyed by the id a 201 answered and holding
 * the alert it answered, or by one tombstone for the alert a 204 deleted
 * ({@link AlertLedger}). 1,000 generated requests per endpoint, each property seeded:
 * every search parameter with valid, malformed, huge and repeated values (with and
 * without {@code collapse=story}), the stories listing's and a story's, cursors as handed
 * out, altered, foreign and re-signed around sort values of the wrong type, alerts of
 * every shape, odd ids and paths, wrong methods, content types and {@code Accept}
 * headers. The service indexes a corpus of its own (under an alias of its own) with its
 * stories before the run, so that valid values find articles and stories, and one alert
 * made before it matches every article of the corpus. It keeps its alerts in a topic of
 * its own with a low maximum, so that the 409 at the maximum is reached and known to be
 * right.
 */
class MalformedRequestsIntegrationTests {

	private static final int TRIES = 1000;

	private static final String SECRET = "fuzz-cursor-secret";

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final String SOURCE = "fuzz-" + RUN;

	private static final int ARTICLES = 40;

	private static final String ALERTS_TOPIC = "newsroom.search.alerts.fuzz-" + RUN;

	private static final int MAX_ALERTS = 25;

	/** Searches of the corpus that hand out a cursor: both orders, filters, dates. */
	private static final List<String> SEARCHES = List.of("source=" + SOURCE + "&size=2",
			"source=" + SOURCE + "&size=3&sort=relevance", "q=troops&source=" + SOURCE + "&size=2",
			"q=troops&source=" + SOURCE + "&size=1&sort=newest", "source=" + SOURCE + "&tag=politics&size=1",
			"source=" + SOURCE + "&entity=North%20Korea&size=1",
			"source=" + SOURCE + "&from=2024-01-01&to=2099-12-31&size=2",
			"source=" + SOURCE + "&language=en&size=1&sort=newest");

	/** Stories listings of the corpus that hand out a cursor: both orders, filters. */
	private static final List<String> LISTINGS = List.of("source=" + SOURCE + "&size=2",
			"source=" + SOURCE + "&size=3&sort=newest", "source=" + SOURCE + "&tag=politics&size=1",
			"source=" + SOURCE + "&entity=North%20Korea&size=1&sort=size",
			"source=" + SOURCE + "&from=2024-01-01&to=2099-12-31&size=2");

	/** Articles per story in the corpus: 0-2, 3-5, ... */
	private static final int STORY_SIZE = 3;

	private static final List<String> ENDPOINTS = List.of(Endpoint.SEARCH, Endpoint.COLLAPSED, Endpoint.ARTICLE,
			Endpoint.RELATED, Endpoint.SUGGEST, Endpoint.TRENDS, Endpoint.STORIES, Endpoint.STORY,
			Endpoint.ALERT_CREATION, Endpoint.ALERT_READS, Endpoint.ALERT_DELETION, Endpoint.ALERT_MATCHES,
			Endpoint.DASHBOARD, Endpoint.API_DOCS, Endpoint.OPERATIONS);

	private static ConfigurableApplicationContext context;

	private static PublishingService service;

	private static Corpus corpus;

	private static AlertLedger alerts;

	/** Ids of alerts made and deleted before the run. */
	private static final List<String> goneAlerts = new ArrayList<>();

	@BeforeContainer
	static void start() {
		String alias = "news-fuzz-" + RUN;
		String group = "search-fuzz-" + RUN;
		context = new SpringApplicationBuilder(SearchApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + NewsroomServers.kafka().bootstrapServers(),
				"--newsroom.elasticsearch.uris=" + NewsroomServers.elasticsearch().uri(),
				"--newsroom.search.index.alias=" + alias, "--newsroom.search.index.name-prefix=" + alias + "-v",
				"--newsroom.search.index.template-name=" + alias, "--newsroom.search.query.cursor-secret=" + SECRET,
				"--newsroom.search.stories.index=news-stories-fuzz-" + RUN, "--spring.kafka.consumer.group-id=" + group,
				"--spring.kafka.listener.auto-startup=false", "--newsroom.search.alerts.topic=" + ALERTS_TOPIC,
				"--newsroom.search.alerts.matches-index=alert-matches-fuzz-" + RUN,
				"--newsroom.search.alerts.max-alerts=" + MAX_ALERTS,
				// Every generated request reaches the handlers: the rate limit is tested
				// on its own.
				"--newsroom.web.rate-limit.enabled=false", "--logging.level.newsroom.search=WARN");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		List<EnrichedArticle> articles = corpusArticles();
		List<Story> stories = corpusStories(articles);
		startAtTheEnd(Topics.ENRICHED, group, group + "-alerts");
		startAtTheEnd(Topics.STORIES, group + "-stories");
		String standing;
		try (RawHttp http = new RawHttp(port)) {
			// Made before the corpus arrives, so every article of it matches.
			standing = createAlert(http, "{\"name\": \"Fuzz desk\", \"source\": [\"" + SOURCE + "\"]}");
			for (int i = 0; i < 3; i++) {
				String gone = createAlert(http, "{\"name\": \"Gone\", \"q\": \"ferry\"}");
				assertThat(http.send(FuzzRequest.of("DELETE", "/api/v1/alerts/" + gone)).status()).isEqualTo(204);
				goneAlerts.add(gone);
			}
		}
		RealServersTestSupport.publishAll(articles);
		stories.forEach((story) -> RealServersTestSupport.publishStory(story, null));
		RealServersTestSupport.closeProducer();
		context.getBean(KafkaListenerEndpointRegistry.class).start();
		try (RawHttp http = new RawHttp(port)) {
			await().atMost(Duration.ofSeconds(90))
				.until(() -> search(http, "source=" + SOURCE + "&size=1").path("total").asInt() == ARTICLES
						&& read(http, "/api/v1/stories?size=100&source=" + SOURCE).path("stories").size() == stories
							.size());
			await().atMost(Duration.ofSeconds(90))
				.until(() -> read(http, "/api/v1/alerts/" + standing + "/matches?size=100").path("matches")
					.size() == ARTICLES);
			corpus = new Corpus(articles.stream().map(EnrichedArticle::id).toList(),
					articles.stream()
						.flatMap((article) -> article.entities().stream())
						.map(Entity::name)
						.distinct()
						.toList(),
					articles.stream().flatMap((article) -> article.tags().stream()).distinct().toList(),
					List.of(SOURCE, "elsewhere", SOURCE.toUpperCase()), pages(http, "/api/v1/search?", SEARCHES),
					pages(http, "/api/v1/search?collapse=story&", SEARCHES),
					stories.stream().map(Story::storyId).toList(), pages(http, "/api/v1/stories?", LISTINGS), SECRET);
		}
		service = new PublishingService(port, NewsroomServers.kafka().bootstrapServers());
		alerts = new AlertLedger(service, ALERTS_TOPIC, MAX_ALERTS, standing);
	}

	@AfterContainer
	static void stop() {
		if (service == null) {
			// Setting up failed, and said why: nothing ran.
			if (context != null) {
				context.close();
			}
			return;
		}
		try {
			alerts.deleteAll();
			service.verify(MalformedRequestsIntegrationTests.class.getSimpleName(), ENDPOINTS, TRIES);
			// No request wrote to the index: the corpus is still there, whole.
			try (RawHttp http = new RawHttp(((WebServerApplicationContext) context).getWebServer().getPort())) {
				assertThat(search(http, "source=" + SOURCE + "&size=1").path("total").asInt()).isEqualTo(ARTICLES);
			}
		}
		finally {
			service.close();
			context.close();
		}
	}

	@Property(tries = TRIES, seed = "20241301", generation = GenerationMode.RANDOMIZED)
	void answersEverySearch(@ForAll("searches") FuzzRequest request) {
		service.check(Endpoint.SEARCH, request);
	}

	@Property(tries = TRIES, seed = "20241309", generation = GenerationMode.RANDOMIZED)
	void answersEveryCollapsedSearch(@ForAll("collapsedSearches") FuzzRequest request) {
		service.check(Endpoint.COLLAPSED, request);
	}

	@Property(tries = TRIES, seed = "20241310", generation = GenerationMode.RANDOMIZED)
	void answersEveryStoriesListing(@ForAll("storyListings") FuzzRequest request) {
		service.check(Endpoint.STORIES, request);
	}

	@Property(tries = TRIES, seed = "20241311", generation = GenerationMode.RANDOMIZED)
	void answersEveryStoryRead(@ForAll("storyReads") FuzzRequest request) {
		service.check(Endpoint.STORY, request);
	}

	@Property(tries = TRIES, seed = "20241302", generation = GenerationMode.RANDOMIZED)
	void answersEveryArticleRead(@ForAll("articles") FuzzRequest request) {
		service.check(Endpoint.ARTICLE, request);
	}

	@Property(tries = TRIES, seed = "20241303", generation = GenerationMode.RANDOMIZED)
	void answersEveryRelatedRead(@ForAll("related") FuzzRequest request) {
		service.check(Endpoint.RELATED, request);
	}

	@Property(tries = TRIES, seed = "20241304", generation = GenerationMode.RANDOMIZED)
	void answersEverySuggestion(@ForAll("suggestions") FuzzRequest request) {
		service.check(Endpoint.SUGGEST, request);
	}

	@Property(tries = TRIES, seed = "20241305", generation = GenerationMode.RANDOMIZED)
	void answersEveryTrendsRead(@ForAll("trends") FuzzRequest request) {
		service.check(Endpoint.TRENDS, request);
	}

	@Property(tries = TRIES, seed = "20241309", generation = GenerationMode.RANDOMIZED)
	void savesOrRejectsEveryAlert(@ForAll("alertCreations") FuzzRequest request) {
		alerts.check(Endpoint.ALERT_CREATION, request);
	}

	@Property(tries = TRIES, seed = "20241310", generation = GenerationMode.RANDOMIZED)
	void answersEveryAlertRead(@ForAll("alertReads") FuzzRequest request) {
		alerts.check(Endpoint.ALERT_READS, request);
	}

	@Property(tries = TRIES, seed = "20241311", generation = GenerationMode.RANDOMIZED)
	void deletesOrRejectsEveryAlertDeletion(@ForAll("alertDeletions") FuzzRequest request) {
		alerts.check(Endpoint.ALERT_DELETION, request);
	}

	@Property(tries = TRIES, seed = "20241312", generation = GenerationMode.RANDOMIZED)
	void answersEveryAlertMatchesRead(@ForAll("alertMatches") FuzzRequest request) {
		FuzzAnswer answer = alerts.check(Endpoint.ALERT_MATCHES, request);
		// Matches are articles of the corpus, each once, newest first.
		if (answer.status() == 200 && answer.json().isPresent()) {
			JsonNode matches = answer.json().get().path("matches");
			assertThat(matches.valueStream().map((match) -> match.path("articleId").asString()))
				.as("%s → %s", request, answer)
				.isSubsetOf(corpus.ids())
				.doesNotHaveDuplicates();
			assertThat(matches.valueStream().map((match) -> Instant.parse(match.path("matchedAt").asString())).toList())
				.as("%s → %s", request, answer)
				.isSortedAccordingTo(Comparator.reverseOrder());
		}
	}

	@Property(tries = TRIES, seed = "20241306", generation = GenerationMode.RANDOMIZED)
	void servesTheDashboardAndNothingElse(@ForAll("dashboard") FuzzRequest request) {
		// Static files, not the API: Spring Boot answers "/" without HTML in Accept with
		// an
		// empty 406.
		FuzzAnswer answer = service.checkOperations(Endpoint.DASHBOARD, request);
		// Never a file from outside the static folder: configuration or classes.
		assertThat(answer.text()).as("%s → %s", request, answer)
			.doesNotContain("newsroom:", "spring:", "Manifest-Version", "\u00ca\u00fe\u00ba\u00be");
	}

	@Property(tries = TRIES, seed = "20241307", generation = GenerationMode.RANDOMIZED)
	void answersEveryApiDocsRead(@ForAll("apiDocs") FuzzRequest request) {
		service.check(Endpoint.API_DOCS, request);
	}

	@Property(tries = TRIES, seed = "20241308", generation = GenerationMode.RANDOMIZED)
	void answersEveryOperationsRequest(@ForAll("operations") FuzzRequest request) {
		// Actuator's answers are not the API's: an unknown health group is an empty 404.
		service.checkOperations(Endpoint.OPERATIONS, request);
	}

	@Provide
	Arbitrary<FuzzRequest> searches() {
		return HostileSearchRequests.searches(corpus);
	}

	@Provide
	Arbitrary<FuzzRequest> collapsedSearches() {
		return HostileSearchRequests.collapsedSearches(corpus);
	}

	@Provide
	Arbitrary<FuzzRequest> storyListings() {
		return HostileSearchRequests.stories(corpus);
	}

	@Provide
	Arbitrary<FuzzRequest> storyReads() {
		return HostileSearchRequests.story(corpus);
	}

	@Provide
	Arbitrary<FuzzRequest> articles() {
		return HostileSearchRequests.articles(corpus);
	}

	@Provide
	Arbitrary<FuzzRequest> related() {
		return HostileSearchRequests.related(corpus);
	}

	@Provide
	Arbitrary<FuzzRequest> suggestions() {
		return HostileSearchRequests.suggestions(corpus);
	}

	@Provide
	Arbitrary<FuzzRequest> trends() {
		return HostileSearchRequests.trends();
	}

	@Provide
	Arbitrary<FuzzRequest> alertCreations() {
		return HostileAlertRequests.creations(corpus);
	}

	@Provide
	Arbitrary<FuzzRequest> alertReads() {
		return HostileAlertRequests.reads(goneAlerts);
	}

	@Provide
	Arbitrary<FuzzRequest> alertDeletions() {
		return HostileAlertRequests.deletions(goneAlerts);
	}

	@Provide
	Arbitrary<FuzzRequest> alertMatches() {
		return HostileAlertRequests.matchReads(goneAlerts);
	}

	@Provide
	Arbitrary<FuzzRequest> dashboard() {
		return HostileSearchRequests.dashboard();
	}

	@Provide
	Arbitrary<FuzzRequest> apiDocs() {
		return HostileSearchRequests.apiDocs();
	}

	@Provide
	Arbitrary<FuzzRequest> operations() {
		return HostileRequests.operations();
	}

	/**
	 * Articles with entities whose names need escaping, several tags and languages, and
	 * dates from the last hours (for trends) to 1970 and 2100 (for the timeline).
	 */
	private static List<EnrichedArticle> corpusArticles() {
		List<Entity> entities = List.of(TestArticles.entity("North Korea", EntityType.LOCATION, 0.8),
				TestArticles.entity("Alpha Corp", EntityType.ORGANIZATION, 0.6),
				TestArticles.entity("Chloe O'Brien", EntityType.PERSON, 0.5),
				TestArticles.entity("Zoë Ñúñez", EntityType.PERSON, 0.4),
				TestArticles.entity("AT&T \"Labs\"", EntityType.ORGANIZATION, 0.3),
				TestArticles.entity("C++ Foundation", EntityType.ORGANIZATION, 0.2));
		List<String> tags = List.of("politics", "conflict-war-peace", "economy-business-finance", "sport");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<EnrichedArticle> articles = new ArrayList<>();
		for (int i = 0; i < ARTICLES; i++) {
			Instant published = switch (i % 4) {
				case 0 -> now.minus(Duration.ofHours(i));
				case 1 -> Instant.parse("2024-11-01T10:00:00Z").plus(Duration.ofDays(i));
				case 2 -> (i == 2) ? Instant.parse("1970-01-01T00:00:00Z") : now.minus(Duration.ofDays(2L * i));
				default -> (i == 3) ? Instant.parse("2100-01-01T00:00:00Z") : now.minus(Duration.ofMinutes(i));
			};
			String text = "Report " + i + " from the desk. Troops moved overnight near the ferry. "
					+ "The council met on Monday and voted. " + "Words ".repeat(i);
			articles.add(TestArticles
				.article(SOURCE + "-" + i, 1, "Dispatch " + i + " on the troops", text, SOURCE, published,
						List.of(entities.get(i % entities.size()), entities.get((i + 1) % entities.size())),
						List.of(tags.get(i % tags.size())), List.of("en", "de", "fr").get(i % 3), null)
				.withStoryId(SOURCE + "-" + (i - i % STORY_SIZE)));
		}
		return articles;
	}

	/**
	 * The corpus's stories, as enrich-service would have written them: articles 0-2, 3-5,
	 * ... each make one (the last is a story of one).
	 */
	private static List<Story> corpusStories(List<EnrichedArticle> articles) {
		List<Story> stories = new ArrayList<>();
		for (int first = 0; first < articles.size(); first += STORY_SIZE) {
			List<EnrichedArticle> members = articles.subList(first, Math.min(articles.size(), first + STORY_SIZE));
			List<Instant> times = members.stream().map(EnrichedArticle::publishedAt).sorted().toList();
			stories.add(new Story(Story.SCHEMA_VERSION, members.get(0).id(), members.get(0).title(), members.size(),
					List.of(SOURCE), members.stream().map(EnrichedArticle::id).toList(), times.get(0),
					times.get(times.size() - 1),
					members.stream()
						.flatMap((article) -> article.entities().stream())
						.map((entity) -> new StoryEntity(entity.name(), entity.type()))
						.distinct()
						.toList(),
					members.stream().flatMap((article) -> article.tags().stream()).distinct().toList()));
		}
		return stories;
	}

	/** The queries with the cursor each hands out. */
	private static List<Page> pages(RawHttp http, String path, List<String> queries) {
		List<Page> pages = new ArrayList<>();
		for (String query : queries) {
			String cursor = read(http, path + query).path("nextCursor").asString();
			assertThat(cursor).as("nextCursor of %s%s", path, query).isNotBlank();
			pages.add(new Page(path.substring(path.indexOf('?') + 1) + query, cursor));
		}
		return pages;
	}

	private static JsonNode search(RawHttp http, String query) {
		return read(http, "/api/v1/search?" + query);
	}

	private static JsonNode read(RawHttp http, String target) {
		FuzzAnswer answer = http.send(FuzzRequest.of("GET", target));
		assertThat(answer.status()).as("%s → %s", target, answer).isEqualTo(200);
		return answer.json().orElseThrow();
	}

	private static String createAlert(RawHttp http, String body) {
		FuzzAnswer answer = http.send(FuzzRequest.of("POST", "/api/v1/alerts")
			.withHeader("Content-Type", "application/json")
			.withBody(HostileValues.utf8(body), false));
		assertThat(answer.status()).as("%s → %s", body, answer).isEqualTo(201);
		return answer.json().orElseThrow().path("id").asString();
	}

	/**
	 * The listeners' groups start at the current end of their topic: the indexer's and
	 * the alert matcher's on the enriched topic, the stories' on theirs. They read the
	 * corpus and nothing other tests of this JVM left there (whose poison records would
	 * move a dead-letter topic during the run).
	 */
	private static void startAtTheEnd(String topic, String... groups) {
		String kafka = NewsroomServers.kafka().bootstrapServers();
		try (TopicWatch topics = new TopicWatch(kafka);
				Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
			Map<TopicPartition, OffsetAndMetadata> ends = topics.endOffsets()
				.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().topic().equals(topic))
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> new OffsetAndMetadata(entry.getValue())));
			assertThat(ends).isNotEmpty();
			for (String group : groups) {
				admin.alterConsumerGroupOffsets(group, ends).all().get(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not set the offsets of " + List.of(groups), ex);
		}
	}

	/** The endpoints' names in the tally and the README. */
	private static final class Endpoint {

		static final String SEARCH = "GET /api/v1/search";

		static final String COLLAPSED = "GET /api/v1/search?collapse=story";

		static final String STORIES = "GET /api/v1/stories";

		static final String STORY = "GET /api/v1/stories/{id}";

		static final String ARTICLE = "GET /api/v1/articles/{id}";

		static final String RELATED = "GET /api/v1/articles/{id}/related";

		static final String SUGGEST = "GET /api/v1/suggest";

		static final String TRENDS = "GET /api/v1/trends";

		static final String ALERT_CREATION = "POST /api/v1/alerts";

		static final String ALERT_READS = "GET /api/v1/alerts, /api/v1/alerts/{id}";

		static final String ALERT_DELETION = "DELETE /api/v1/alerts/{id}";

		static final String ALERT_MATCHES = "GET /api/v1/alerts/{id}/matches";

		static final String DASHBOARD = "GET / and the dashboard's files";

		static final String API_DOCS = "GET /v3/api-docs, /swagger-ui";

		static final String OPERATIONS = "GET /actuator/**";

	}

}
