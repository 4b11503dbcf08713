package newsroom.ingest.feed;

import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import newsroom.ingest.FixtureServer;
import newsroom.ingest.FixtureServer.Reply;
import newsroom.ingest.FixtureServer.Request;
import newsroom.ingest.IngestApplication;
import newsroom.ingest.IngestClient;
import newsroom.ingest.IngestClient.Answer;
import newsroom.ingest.RawTopic;
import newsroom.ingest.fetch.HostResolver;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Feeds end to end on the real broker: the three fixtures (RSS 2.0, RSS 1.0, Atom) served
 * by a local server on 127.0.0.1, which is allow-listed. Other hosts resolve (through a
 * stub, never DNS) to a documentation address the guard refuses, so entry pages on them
 * cannot be fetched and their entries are published from the feed's content.
 */
class FeedIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String FERRY_PAGE = """
			<html lang="en"><head><title>Ferry adds a night sailing | Harbour Gazette</title>
			<meta property="og:title" content="Ferry adds a night sailing"></head>
			<body><nav>Home News Sport</nav><article><h1>Ferry adds a night sailing</h1>
			<p class="byline">By Tomas Berg</p>
			<p>The ferry company will run a late sailing to the islands from the first of December, leaving the harbour at half past eleven.</p>
			<p>Islanders had asked for a later crossing for years, so that they could stay for concerts and evening shifts on the mainland.</p>
			<p>The company said the trial will run until March and be extended if enough tickets are sold.</p>
			<div class="share-bar">Share on Facebook Share on X</div></article></body></html>
			""";

	private final FixtureServer fixture = FixtureServer.start();

	private final Map<String, AtomicReference<String>> etags = Map.of("/rss2.xml", new AtomicReference<>("\"r1\""),
			"/rdf.xml", new AtomicReference<>("\"d1\""), "/atom.xml", new AtomicReference<>("\"a1\""));

	@AfterEach
	void stopFixture() {
		this.fixture.close();
	}

	@Test
	void publishesEveryEntryOnceAndNothingAgainAfterARestart() {
		serveFeeds();
		Map<String, String> feedIds;
		Map<String, ConsumerRecord<String, String>> published;
		try (RawTopic topic = RawTopic.open(); ConfigurableApplicationContext first = start(false)) {
			IngestClient client = client(first);
			Map<TopicPartition, Long> before = topic.endOffsets();
			feedIds = Map.of("/rss2.xml", register(client, "/rss2.xml", null), "/rdf.xml",
					register(client, "/rdf.xml", "valley-courier"), "/atom.xml", register(client, "/atom.xml", null));
			FeedPoller poller = first.getBean(FeedPoller.class);

			feedIds.values().forEach(poller::pollNow);

			List<ConsumerRecord<String, String>> records = topic.readToEnd(before);
			published = records.stream().collect(Collectors.toMap(ConsumerRecord::key, Function.identity()));
			assertThat(records).as("every entry exactly once").hasSize(8).hasSize(published.size());
			Map<String, JsonNode> byTitle = records.stream()
				.map((record) -> JSON.readTree(record.value()))
				.collect(Collectors.toMap((value) -> value.path("title").asString(), Function.identity()));
			assertThat(byTitle).containsOnlyKeys("Storm wall repaired ahead of winter",
					"Ferry timetable changes & new night sailing", "Fish market opens on Sundays",
					"Café reopens on the square", "Footbridge closed for inspection",
					"Snow arrives early on the high pass", "Mountain hut booking opens",
					"The valley road reopened after the landslide was cleared overnight by…");
			assertThat(byTitle.values()).allSatisfy((value) -> {
				assertThat(value.path("origin").asString()).isEqualTo("feed");
				assertThat(value.path("feedId").asString()).isIn(feedIds.values());
			});
			JsonNode wall = byTitle.get("Storm wall repaired ahead of winter");
			assertThat(wall.path("feedId").asString()).isEqualTo(feedIds.get("/rss2.xml"));
			assertThat(wall.path("source").asString()).isEqualTo("127.0.0.1");
			assertThat(wall.path("author").asString()).isEqualTo("Mara Lindqvist");
			assertThat(wall.path("publishedAt").asString()).isEqualTo("2024-11-04T07:15:00Z");
			assertThat(wall.path("text").asString()).as("its page is refused: the feed's content:encoded is used")
				.startsWith("Crews finished repairing the storm wall")
				.doesNotContain("Share this");
			JsonNode ferry = byTitle.get("Ferry timetable changes & new night sailing");
			assertThat(ferry.path("text").asString()).as("a teaser: the page on the fixture server was fetched")
				.startsWith("The ferry company will run a late sailing")
				.endsWith("extended if enough tickets are sold.")
				.doesNotContain("Share on");
			assertThat(ferry.path("url").asString())
				.isEqualTo("http://127.0.0.1:" + this.fixture.port() + "/news/ferry-timetable");
			assertThat(byTitle.get("Café reopens on the square").path("source").asString()).isEqualTo("valley-courier");
			assertThat(byTitle.get("Café reopens on the square").path("author").asString()).isEqualTo("Renée Dubois");
			assertThat(this.fixture.log("/news/ferry-timetable")).hasSize(1);

			Map<String, JsonNode> feeds = feeds(client);
			assertThat(feeds.get(feedIds.get("/rss2.xml")).path("itemsPublished").asInt()).isEqualTo(3);
			assertThat(feeds.get(feedIds.get("/rss2.xml")).path("itemsSkipped").asInt()).isEqualTo(1);
			assertThat(feeds.get(feedIds.get("/rdf.xml")).path("itemsPublished").asInt()).isEqualTo(2);
			assertThat(feeds.get(feedIds.get("/atom.xml")).path("itemsPublished").asInt()).isEqualTo(3);
			assertThat(feeds.values()).filteredOn((feed) -> feedIds.containsValue(feed.path("id").asString()))
				.allSatisfy((feed) -> {
					assertThat(feed.path("lastStatus").asString()).isEqualTo("ok");
					assertThat(feed.path("lastPolledAt").isString()).isTrue();
				});

			// Second poll, feeds unchanged: conditional requests answered 304, no body.
			Map<TopicPartition, Long> afterFirst = topic.endOffsets();
			feedIds.values().forEach(poller::pollNow);

			for (String path : feedIds.keySet()) {
				List<FixtureServer.Exchange> exchanges = this.fixture.log(path);
				assertThat(exchanges).hasSize(2);
				assertThat(exchanges.get(0).status()).isEqualTo(200);
				assertThat(exchanges.get(1).request().header("If-None-Match")).isEqualTo(this.etags.get(path).get());
				assertThat(exchanges.get(1).status()).isEqualTo(304);
				assertThat(exchanges.get(1).bodyBytes()).isZero();
			}
			assertThat(feeds(client).get(feedIds.get("/atom.xml")).path("lastStatus").asString())
				.isEqualTo("not-modified");
			assertThat(topic.readToEnd(afterFirst)).isEmpty();
			String metrics = client.get("/actuator/prometheus").body();
			assertThat(metrics).containsPattern("newsroom_ingest_feed_polls_total\\{[^}]*outcome=\"fetched\"[^}]*} 3")
				.containsPattern("newsroom_ingest_feed_polls_total\\{[^}]*outcome=\"not-modified\"[^}]*} 3")
				.containsPattern("newsroom_ingest_feed_entries_total\\{[^}]*outcome=\"skipped\"[^}]*} 1")
				.containsPattern(
						"newsroom_ingest_articles_total\\{[^}]*origin=\"feed\"[^}]*outcome=\"accepted\"[^}]*} 8");
		}

		// A restart: the feeds and their seen entries come back from the internal topics.
		// The server now sends new ETags with the same entries, so the bodies are read.
		this.etags.values().forEach((etag) -> etag.set(etag.get().replace("1", "2")));
		try (RawTopic topic = RawTopic.open(); ConfigurableApplicationContext second = start(false)) {
			Map<TopicPartition, Long> before = topic.endOffsets();
			Map<String, JsonNode> feeds = feeds(client(second));
			assertThat(feeds).containsKeys(feedIds.values().toArray(String[]::new));
			assertThat(feeds.get(feedIds.get("/rss2.xml")).path("itemsPublished").asInt()).isEqualTo(3);

			feedIds.values().forEach(second.getBean(FeedPoller.class)::pollNow);

			for (String path : feedIds.keySet()) {
				assertThat(this.fixture.log(path)).hasSize(3).last().satisfies((exchange) -> {
					assertThat(exchange.status()).isEqualTo(200);
					assertThat(exchange.bodyBytes()).isPositive();
				});
			}
			assertThat(topic.readToEnd(before)).as("nothing is published again after a restart").isEmpty();
			assertThat(feeds(client(second)).get(feedIds.get("/rss2.xml")).path("itemsPublished").asInt()).isEqualTo(3);
			feedIds.values().forEach((id) -> assertThat(delete(client(second), id)).isEqualTo(204));
		}
	}

	@Test
	void pollsOnItsOwnScheduleWithConditionalRequests() {
		serveFeeds();
		try (ConfigurableApplicationContext context = start(true)) {
			IngestClient client = client(context);
			Answer created = client.post("/api/v1/feeds", "application/json",
					HttpRequest.BodyPublishers.ofString("{\"url\": \"http://127.0.0.1:" + this.fixture.port()
							+ "/atom.xml\", \"pollInterval\": \"PT1S\"}"));
			assertThat(created.status()).isEqualTo(201);
			String id = created.json().path("id").asString();
			assertThat(created.json().path("pollInterval").asString()).isEqualTo("PT1S");
			assertThat(created.json().path("lastStatus").asString()).isEqualTo("pending");

			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.fixture.log("/atom.xml").stream().anyMatch((exchange) -> exchange.status() == 304));

			assertThat(this.fixture.log("/atom.xml").get(0).status()).isEqualTo(200);
			assertThat(delete(client, id)).isEqualTo(204);
			Answer gone = client.delete("/api/v1/feeds/" + id);
			assertThat(gone.status()).isEqualTo(404);
			assertThat(gone.contentType()).startsWith("application/problem+json");
			assertThat(gone.json().path("title").asString()).isEqualTo("Feed not found");
			assertThat(client.get("/api/v1/feeds/" + id).contentType()).startsWith("application/problem+json");
			assertThat(feeds(client)).doesNotContainKey(id);
		}
	}

	@Test
	void registersFeedsFromConfiguration() {
		String url = "http://127.0.0.1:" + this.fixture.port() + "/configured.xml";
		try (ConfigurableApplicationContext context = start(false, "--newsroom.ingest.feeds[0].url=" + url,
				"--newsroom.ingest.feeds[0].poll-interval=10m", "--newsroom.ingest.feeds[0].source=configured")) {
			JsonNode feed = feeds(client(context)).values()
				.stream()
				.filter((each) -> each.path("url").asString().equals(url))
				.findFirst()
				.orElseThrow();

			assertThat(feed.path("configured").asBoolean()).isTrue();
			assertThat(feed.path("pollInterval").asString()).isEqualTo("PT10M");
			assertThat(feed.path("source").asString()).isEqualTo("configured");
			assertThat(delete(client(context), feed.path("id").asString())).isEqualTo(204);
		}
	}

	@Test
	void refusesInvalidAndForbiddenRegistrations() {
		try (ConfigurableApplicationContext context = start(false)) {
			IngestClient client = client(context);
			String feed = "http://127.0.0.1:" + this.fixture.port() + "/dup.xml";
			assertThat(post(client, "{\"url\": \"" + feed + "\"}").status()).isEqualTo(201);

			Answer duplicate = post(client, "{\"url\": \"" + feed + "\"}");
			Answer badInterval = post(client, "{\"url\": \"http://127.0.0.1/x.xml\", \"pollInterval\": \"often\"}");
			Answer tooFrequent = post(client, "{\"url\": \"http://127.0.0.1/y.xml\", \"pollInterval\": \"PT1S\"}");
			Answer noUrl = post(client, "{\"pollInterval\": \"PT5M\"}");
			Answer forbidden = post(client, "{\"url\": \"http://169.254.169.254/feed.xml\"}");
			Answer resolvesForbidden = post(client, "{\"url\": \"https://news.example/feed.xml\"}");

			assertThat(duplicate.status()).isEqualTo(409);
			assertThat(duplicate.json().path("feedId").asString()).isNotBlank();
			assertThat(badInterval.status()).isEqualTo(400);
			assertThat(badInterval.json().path("errors").get(0).path("field").asString()).isEqualTo("pollInterval");
			assertThat(tooFrequent.status()).isEqualTo(400);
			assertThat(noUrl.json().path("errors").get(0).path("field").asString()).isEqualTo("url");
			assertThat(forbidden.status()).isEqualTo(400);
			assertThat(forbidden.json().path("detail").asString()).contains("cloud metadata");
			assertThat(resolvesForbidden.status()).isEqualTo(400);
			assertThat(delete(client, duplicate.json().path("feedId").asString())).isEqualTo(204);
		}
	}

	private void serveFeeds() {
		int port = this.fixture.port();
		this.etags.forEach((path, etag) -> {
			byte[] body = FeedFixtures.read(path.substring(1));
			String type = path.equals("/atom.xml") ? "application/atom+xml"
					: path.equals("/rdf.xml") ? "application/rdf+xml" : "application/rss+xml; charset=utf-8";
			this.fixture.route(path,
					(Request request) -> etag.get().equals(request.header("If-None-Match"))
							? new Reply(304, Map.of("ETag", etag.get()), new byte[0])
							: new Reply(200, Map.of("Content-Type", type, "ETag", etag.get()), body));
		});
		this.fixture.route("/news/ferry-timetable",
				(request) -> Reply.ok("text/html; charset=utf-8", FERRY_PAGE.getBytes(StandardCharsets.UTF_8)));
		assertThat(port).isPositive();
	}

	private String register(IngestClient client, String path, String source) {
		String body = "{\"url\": \"http://127.0.0.1:" + this.fixture.port() + path + "\", \"pollInterval\": \"PT5M\""
				+ ((source != null) ? ", \"source\": \"" + source + "\"" : "") + "}";
		Answer answer = post(client, body);
		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.json().path("url").asString()).endsWith(path);
		return answer.json().path("id").asString();
	}

	private static Answer post(IngestClient client, String body) {
		return client.post("/api/v1/feeds", "application/json", HttpRequest.BodyPublishers.ofString(body));
	}

	private static int delete(IngestClient client, String id) {
		return client.delete("/api/v1/feeds/" + id).status();
	}

	private static Map<String, JsonNode> feeds(IngestClient client) {
		Answer answer = client.get("/api/v1/feeds");
		assertThat(answer.status()).isEqualTo(200);
		Map<String, JsonNode> feeds = new HashMap<>();
		answer.json().forEach((feed) -> feeds.put(feed.path("id").asString(), feed));
		return feeds;
	}

	private static ConfigurableApplicationContext start(boolean polling, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + NewsroomServers.kafka().bootstrapServers(),
				"--newsroom.ingest.allowed-hosts=127.0.0.1", "--newsroom.ingest.feed.enabled=" + polling,
				"--newsroom.ingest.feed.min-poll-interval=" + (polling ? "1s" : "1m"),
				"--newsroom.ingest.dedup.rebuild-timeout=30s"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(IngestApplication.class, StubDns.class).run(args.toArray(String[]::new));
	}

	private static IngestClient client(ConfigurableApplicationContext context) {
		return new IngestClient(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	/** Every name resolves to a documentation address, which the guard refuses. */
	@Configuration(proxyBeanMethods = false)
	static class StubDns {

		@Bean
		@Primary
		HostResolver stubResolver() {
			return (host) -> new InetAddress[] { InetAddress.getByName("192.0.2.1") };
		}

	}

}
