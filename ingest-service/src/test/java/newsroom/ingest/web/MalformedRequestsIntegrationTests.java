package newsroom.ingest.web;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import newsroom.ingest.IngestApplication;
import newsroom.ingest.RawTopic;
import newsroom.ingest.fetch.HostResolver;
import newsroom.testkit.NewsroomServers;
import newsroom.testkit.fuzz.FuzzAnswer;
import newsroom.testkit.fuzz.FuzzRequest;
import newsroom.testkit.fuzz.HostileRequests;
import newsroom.testkit.fuzz.RawHttp;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import static newsroom.testkit.fuzz.HostileValues.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Properties of every ingest endpoint under hostile input, on the real server and the
 * real broker: no request is answered with a 5xx; every rejection is a 4xx problem; what
 * is published on {@code news.articles.raw.v1} is exactly what the answer says was
 * accepted, so a rejected request publishes nothing; and the feed registry (a compacted
 * topic) holds exactly the feeds the answers registered and not those they deleted. At
 * least 1,000 generated requests per endpoint (wrong types, missing and repeated fields,
 * huge strings, deep nesting, invalid UTF-8, control characters, wrong content types, odd
 * paths and methods, chunked bodies), each seeded. Names resolve (through a stub, never
 * DNS) to a private address and only refused literals are generated, so no request leaves
 * the machine.
 */
class MalformedRequestsIntegrationTests {

	private static final int TRIES = 1000;

	private static final List<String> ENDPOINTS = List.of(Endpoint.ARTICLES, Endpoint.BATCH_ARRAY, Endpoint.BATCH_LINES,
			Endpoint.FETCH, Endpoint.FEED_REGISTRATION, Endpoint.FEED_READS, Endpoint.FEED_DELETION,
			Endpoint.OPERATIONS);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final AtomicLong expectedRecords = new AtomicLong();

	/** Feeds registered (201) less feeds deleted (204) by the generated requests. */
	private static final AtomicLong feedChanges = new AtomicLong();

	private static int feedsAtStart;

	private static ConfigurableApplicationContext context;

	private static RawHttp http;

	private static RawTopic raw;

	private static Map<TopicPartition, Long> start;

	private static final List<String> registeredFeeds = new ArrayList<>();

	@BeforeContainer
	static void start() {
		// Every one of the 1,200 requests must reach the handlers: a 429 from the rate
		// limit (tested on its own) would pass as "no 5xx" and test nothing.
		context = new SpringApplicationBuilder(IngestApplication.class, PrivateDns.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + NewsroomServers.kafka().bootstrapServers(),
				"--newsroom.ingest.feed.enabled=false", "--newsroom.ingest.fetch.connect-timeout=1s",
				"--newsroom.ingest.max-body-size=256KB", "--newsroom.ingest.batch.max-body-size=1MB",
				"--newsroom.web.rate-limit.enabled=false",
				"--newsroom.ingest.allowed-hosts=" + HostileIngestRequests.ALLOWED_FEED_HOST,
				"--logging.level.newsroom.ingest=WARN");
		http = new RawHttp(((WebServerApplicationContext) context).getWebServer().getPort());
		raw = RawTopic.open();
		start = raw.endOffsets();
		for (int i = 0; i < 20; i++) {
			FuzzAnswer answer = http.send(FuzzRequest.of("POST", "/api/v1/feeds")
				.withHeader("Content-Type", "application/json")
				.withBody(utf8("{\"url\": \"https://" + HostileIngestRequests.ALLOWED_FEED_HOST + "/registered-" + i
						+ ".xml\"}"), false));
			assertThat(answer.status()).as("registering a feed: %s", answer).isEqualTo(201);
			registeredFeeds.add(answer.json().orElseThrow().path("id").asString());
		}
		feedsAtStart = feeds();
	}

	@AfterContainer
	static void stop() {
		try {
			http.tally().log(MalformedRequestsIntegrationTests.class.getSimpleName());
			// Nothing published late either: what the answers accepted, and no more.
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(30))
				.until(() -> publishedSince(start) == expectedRecords.get());
			ENDPOINTS.forEach((endpoint) -> assertThat(http.tally().requests(endpoint)).as(endpoint)
				.isGreaterThanOrEqualTo(TRIES));
			// No rejected request registered or removed a feed in the registry's topic.
			assertThat(feeds()).as("feeds registered").isEqualTo(feedsAtStart + feedChanges.get());
		}
		finally {
			raw.close();
			http.close();
			context.close();
		}
	}

	@Property(tries = TRIES, seed = "20241101", generation = GenerationMode.RANDOMIZED)
	void submitsOrRejectsEveryArticle(@ForAll("articles") FuzzRequest request) {
		check(Endpoint.ARTICLES, request);
	}

	@Property(tries = TRIES, seed = "20241102", generation = GenerationMode.RANDOMIZED)
	void answersEveryJsonBatch(@ForAll("batchArrays") FuzzRequest request) {
		check(Endpoint.BATCH_ARRAY, request);
	}

	@Property(tries = TRIES, seed = "20241103", generation = GenerationMode.RANDOMIZED)
	void answersEveryNdjsonBatch(@ForAll("batchLines") FuzzRequest request) {
		check(Endpoint.BATCH_LINES, request);
	}

	@Property(tries = TRIES, seed = "20241104", generation = GenerationMode.RANDOMIZED)
	void refusesEveryFetchOfAPrivateOrMalformedUrl(@ForAll("fetches") FuzzRequest request) {
		FuzzAnswer answer = check(Endpoint.FETCH, request);
		assertThat(answer.status()).as("%s → %s", request, answer).isNotEqualTo(202);
	}

	@Property(tries = TRIES, seed = "20241105", generation = GenerationMode.RANDOMIZED)
	void registersOrRejectsEveryFeed(@ForAll("feedRegistrations") FuzzRequest request) {
		check(Endpoint.FEED_REGISTRATION, request);
	}

	@Property(tries = TRIES, seed = "20241106", generation = GenerationMode.RANDOMIZED)
	void answersEveryFeedRead(@ForAll("feedReads") FuzzRequest request) {
		check(Endpoint.FEED_READS, request);
	}

	@Property(tries = TRIES, seed = "20241107", generation = GenerationMode.RANDOMIZED)
	void answersEveryFeedDeletion(@ForAll("feedDeletions") FuzzRequest request) {
		check(Endpoint.FEED_DELETION, request);
	}

	@Property(tries = TRIES, seed = "20241108", generation = GenerationMode.RANDOMIZED)
	void answersEveryOperationsRequest(@ForAll("operations") FuzzRequest request) {
		// Actuator's answers are not the API's: an unknown health group is an empty 404.
		check(Endpoint.OPERATIONS, request, FuzzAnswer::serverFailures);
	}

	/**
	 * Sends the request and checks the answer against the error contract, and the raw
	 * topic against the answer: one record per accepted article, none otherwise.
	 */
	private static FuzzAnswer check(String endpoint, FuzzRequest request) {
		return check(endpoint, request, FuzzAnswer::contractViolations);
	}

	private static FuzzAnswer check(String endpoint, FuzzRequest request, Function<FuzzAnswer, List<String>> rules) {
		Map<TopicPartition, Long> before = raw.endOffsets();
		FuzzAnswer answer = http.send(endpoint, request);
		assertThat(rules.apply(answer)).as("%s → %s", request, answer).isEmpty();
		if (answer.status() == 201 || answer.status() == 204) {
			feedChanges.addAndGet((answer.status() == 201) ? 1 : -1);
		}
		long expected = acceptedArticles(answer);
		expectedRecords.addAndGet(expected);
		assertThat(publishedSince(before)).as("records published for %s → %s", request, answer).isEqualTo(expected);
		return answer;
	}

	private static int feeds() {
		FuzzAnswer answer = http.send(FuzzRequest.of("GET", "/api/v1/feeds"));
		assertThat(answer.status()).as("listing feeds: %s", answer).isEqualTo(200);
		return answer.json().orElseThrow().size();
	}

	/**
	 * The articles an answer says were published: an accepted one, or a batch's count.
	 */
	private static long acceptedArticles(FuzzAnswer answer) {
		if (answer.status() != 200 && answer.status() != 202) {
			return 0;
		}
		return answer.json().map((body) -> {
			if (body.has("status")) {
				return "accepted".equals(body.path("status").asString()) ? 1L : 0L;
			}
			return body.path("accepted").asLong(0);
		}).orElse(0L);
	}

	/**
	 * Records published on the raw topic since the given offsets, leaving out feed
	 * entries: this application polls no feed, while another test's application in the
	 * JVM may.
	 */
	private static long publishedSince(Map<TopicPartition, Long> offsets) {
		if (raw.endOffsets().equals(offsets)) {
			return 0;
		}
		return raw.readToEnd(offsets).stream().filter((record) -> !fromFeed(record)).count();
	}

	private static boolean fromFeed(ConsumerRecord<String, String> record) {
		return record.value() != null && "feed".equals(json.readTree(record.value()).path("origin").asString());
	}

	@Provide
	Arbitrary<FuzzRequest> articles() {
		return HostileIngestRequests.articles();
	}

	@Provide
	Arbitrary<FuzzRequest> batchArrays() {
		return HostileIngestRequests.batchArrays();
	}

	@Provide
	Arbitrary<FuzzRequest> batchLines() {
		return HostileIngestRequests.batchLines();
	}

	@Provide
	Arbitrary<FuzzRequest> fetches() {
		return HostileIngestRequests.fetches();
	}

	@Provide
	Arbitrary<FuzzRequest> feedRegistrations() {
		return HostileIngestRequests.feedRegistrations();
	}

	@Provide
	Arbitrary<FuzzRequest> feedReads() {
		return HostileIngestRequests.feedReads(registeredFeeds);
	}

	@Provide
	Arbitrary<FuzzRequest> feedDeletions() {
		return HostileIngestRequests.feedDeletions(registeredFeeds);
	}

	@Provide
	Arbitrary<FuzzRequest> operations() {
		return HostileRequests.operations();
	}

	/** The endpoints' names in the tally and the README. */
	private static final class Endpoint {

		static final String ARTICLES = "POST /api/v1/articles";

		static final String BATCH_ARRAY = "POST /api/v1/articles/batch (JSON array)";

		static final String BATCH_LINES = "POST /api/v1/articles/batch (NDJSON)";

		static final String FETCH = "POST /api/v1/fetch";

		static final String FEED_REGISTRATION = "POST /api/v1/feeds";

		static final String FEED_READS = "GET /api/v1/feeds, /api/v1/feeds/{id}";

		static final String FEED_DELETION = "DELETE /api/v1/feeds/{id}";

		static final String OPERATIONS = "GET /actuator/**";

	}

	/** Every name resolves to a private address, which the guard refuses. */
	@Configuration(proxyBeanMethods = false)
	static class PrivateDns {

		@Bean
		@Primary
		HostResolver privateResolver() {
			return (host) -> new InetAddress[] { InetAddress.getByName("10.9.8.7") };
		}

	}

}
