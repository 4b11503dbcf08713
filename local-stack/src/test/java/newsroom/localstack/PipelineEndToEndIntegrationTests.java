package newsroom.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import newsroom.events.Topics;
import newsroom.servers.ElasticsearchServer;
import newsroom.servers.KafkaServer;
import newsroom.testkit.CommittedRecords;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline as operators run it: the three service jars as child JVMs on the
 * real Kafka broker and Elasticsearch node, driven only through their HTTP APIs.
 */
class PipelineEndToEndIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final List<ServiceProcess> services = new ArrayList<>();

	private static KafkaServer kafka;

	private static ElasticsearchServer elasticsearch;

	private static URI ingest;

	private static URI search;

	@BeforeAll
	static void startPipeline() throws IOException {
		kafka = NewsroomServers.kafka();
		elasticsearch = NewsroomServers.elasticsearch();
		Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
				"ELASTICSEARCH_URIS", elasticsearch.uri());
		Path jars = Path.of("target/services").toAbsolutePath();
		Path logs = Path.of("target/e2e-logs").toAbsolutePath();
		for (String name : List.of("ingest-service", "enrich-service", "search-service")) {
			services.add(ServiceProcess.start(name, jars.resolve(name + ".jar"), freePort(), environment,
					logs.resolve(name + ".log")));
		}
		services.forEach((service) -> service.awaitHealthy(Duration.ofSeconds(180)));
		ingest = services.get(0).baseUri();
		search = services.get(2).baseUri();
	}

	@AfterAll
	static void stopPipeline() {
		services.forEach(ServiceProcess::close);
	}

	@Test
	void findsSubmittedScrapedArticleThroughSearch() throws Exception {
		ObjectNode article = scrapedSample();

		HttpResponse<String> accepted = post(ingest.resolve("/api/v1/articles"), article.toString());

		assertThat(accepted.statusCode()).isEqualTo(202);
		JsonNode answer = json.readTree(accepted.body());
		String id = answer.path("id").asString();
		assertThat(id).isNotBlank();
		assertThat(answer.path("topic").asString()).isEqualTo(Topics.RAW);

		JsonNode hit = await().atMost(Duration.ofSeconds(90))
			.until(() -> firstHit("troops", id), (found) -> found != null);
		assertThat(hit.path("title").asString()).isEqualTo("North Korea deploys troops to Russia");
		assertThat(hit.path("source").asString()).isEqualTo("eastside");
		assertThat(hit.path("author").asString()).as("byline from the contributor block").isEqualTo("Chloe Ren");
		assertThat(hit.path("language").asString()).isEqualTo("en");
		assertThat(hit.path("summary").asString()).contains("North Korea").doesNotContain("Story continues");
		assertThat(hit.path("publishedAt").asString()).isNotBlank();
		assertThat(hit.has("url")).isTrue();
		assertThat(hit.path("tags").isArray()).isTrue();
		assertThat(hit.path("entities").isArray()).isTrue();
		assertThat(hit.path("score").asDouble()).isPositive();
		assertThat(hit.path("highlights").path("text").toString()).contains("<em>troops</em>");

		JsonNode full = json.readTree(get(search.resolve("/api/v1/articles/" + id)).body());
		assertThat(full.path("schemaVersion").asInt()).isEqualTo(1);
		assertThat(full.path("text").asString()).contains("Kursk region")
			.contains("Indo-Pacific region as a whole")
			.doesNotContain("Story continues below advertisement")
			.doesNotContain("About the Contributor")
			.doesNotContain("Chipotle");
		assertThat(full.path("wordCount").asInt()).isGreaterThan(300);
		assertThat(full.path("readingTimeMinutes").asInt()).isPositive();
		assertThat(full.path("enrichedAt").asString()).isNotBlank();
		assertThat(full.path("entities").findValuesAsString("name")).contains("North Korea", "Russia", "Ukraine");
		assertThat(full.path("tags").valueStream().map(JsonNode::asString)).contains("conflict-war-peace");

		String metrics = get(search.resolve("/actuator/prometheus")).body();
		assertThat(metrics).containsPattern("newsroom_search_indexed_total\\{[^}]*outcome=\"indexed\"[^}]*} [1-9]")
			.contains("newsroom_pipeline_latency_seconds_bucket{le=")
			.containsPattern("newsroom_pipeline_latency_seconds_count(\\{[^}]*})? [1-9]");
	}

	@Test
	void keepsOneDocumentWhenTheSameArticleIsSubmittedAgain() throws Exception {
		ObjectNode article = json.createObjectNode()
			.put("url", "https://harbor.example/sport/marathon-record?utm_source=newsletter")
			.put("title", "Chebet smashes course record")
			.put("text", "Faith Chebet broke the Harbor City Marathon course record on a windy Sunday morning.")
			.put("publishedAt", "2024-10-06T09:00:00Z");

		String id = submitAndAwaitIndexed(article);
		JsonNode second = json.readTree(post(ingest.resolve("/api/v1/articles"), article.toString()).body());

		assertThat(second.path("id").asString()).isEqualTo(id);
		assertThat(second.path("status").asString()).isEqualTo("duplicate");
		assertThat(documentsWithPhrase("windy Sunday morning")).isEqualTo(1);
		JsonNode results = json.readTree(get(search.resolve("/api/v1/search?q=" + encode("Chebet windy"))).body());
		assertThat(results.path("hits").findValuesAsString("id")).containsOnlyOnce(id);
	}

	@Test
	void rejectsInvalidArticlesWithProblemDetailsAndPublishesNothing() throws Exception {
		long before = rawRecordCount();

		HttpResponse<String> noText = post(ingest.resolve("/api/v1/articles"), "{\"title\": \"No body\"}");
		HttpResponse<String> badDate = post(ingest.resolve("/api/v1/articles"),
				"{\"title\": \"Bad date\", \"text\": \"Some text.\", \"publishedAt\": \"yesterday\"}");

		assertThat(noText.statusCode()).isEqualTo(400);
		assertThat(noText.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(noText.body()).path("errors").findValuesAsString("field")).contains("text");
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(json.readTree(badDate.body()).path("errors").findValuesAsString("field")).contains("publishedAt");
		assertThat(rawRecordCount()).isEqualTo(before);
	}

	@Test
	void groupsThreeSourcesVersionsOfOneEventIntoOneStoryBesideUnrelatedArticles() throws Exception {
		List<ObjectNode> versions = storyArticles("northern-star-versions.json");
		List<ObjectNode> others = storyArticles("same-day-others.json");

		// Interleaved, each enriched before the next is sent, so the first version starts
		// the story (a story's id is its first article's) and the minister's other
		// statement arrives while the event's story is open.
		List<String> versionIds = new ArrayList<>();
		List<String> otherIds = new ArrayList<>();
		for (int i = 0; i < versions.size(); i++) {
			versionIds.add(submitAndAwaitIndexed(versions.get(i)));
			otherIds.add(submitAndAwaitIndexed(others.get(i)));
		}
		String storyId = versionIds.get(0);

		// Only these six carry these sources on that day; other tests' articles do not.
		// The timeline counts articles, not stories: once it counts six, all are
		// searchable and the stories are final.
		JsonNode collapsed = await().atMost(Duration.ofSeconds(90))
			.until(() -> json.readTree(get(search.resolve("/api/v1/search?source=harborwire&source=coastaltimes"
					+ "&source=islandpost&from=2024-11-12&to=2024-11-12&collapse=story"))
				.body()), (answer) -> answer.path("histogram").path(0).path("count").asInt() == 6);
		assertThat(collapsed.path("total").asLong()).as("stories").isEqualTo(4);
		assertThat(collapsed.path("hits").valueStream().map((hit) -> hit.path("story").path("id").asString()))
			.containsExactlyInAnyOrder(storyId, otherIds.get(0), otherIds.get(1), otherIds.get(2));
		JsonNode storyHit = hitOfStory(collapsed, storyId);
		assertThat(storyHit.path("id").asString()).isIn(versionIds);
		assertThat(storyHit.path("story").path("articleCount").asLong()).isEqualTo(3);
		assertThat(storyHit.path("story").path("sources").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("harborwire", "coastaltimes", "islandpost");
		for (int i = 0; i < others.size(); i++) {
			String id = otherIds.get(i);
			JsonNode alone = hitOfStory(collapsed, id);
			assertThat(alone.path("id").asString()).isEqualTo(id);
			assertThat(alone.path("story").path("articleCount").asLong()).isEqualTo(1);
			assertThat(alone.path("story").path("sources").valueStream().map(JsonNode::asString))
				.containsExactly(others.get(i).path("source").asString());
			assertThat(json.readTree(get(search.resolve("/api/v1/articles/" + id)).body()).path("storyId").asString())
				.as("an unrelated article is a story of its own")
				.isEqualTo(id);
		}

		// search-service learns the story from news.stories.v1, after the articles.
		JsonNode story = await().atMost(Duration.ofSeconds(90))
			.until(() -> json.readTree(get(search.resolve("/api/v1/stories/" + storyId)).body()),
					(answer) -> answer.path("articleCount").asInt() == 3);
		assertThat(story.path("articles").valueStream().map((hit) -> hit.path("id").asString())).as("oldest first")
			.containsExactlyElementsOf(versionIds);
		assertThat(story.path("title").asString()).isEqualTo(versions.get(0).path("title").asString());

		// Every snapshot written, read as a subscriber does: the event's story only ever
		// held its versions, and no other story holds one of them.
		Map<String, List<List<String>>> snapshots = storySnapshots();
		assertThat(snapshots.get(storyId)).allSatisfy((ids) -> assertThat(versionIds).containsAll(ids))
			.last()
			.satisfies((ids) -> assertThat(ids).containsExactlyInAnyOrderElementsOf(versionIds));
		otherIds.forEach((id) -> assertThat(snapshots.get(id)).containsExactly(List.of(id)));
		snapshots.forEach((key, written) -> {
			if (!key.equals(storyId)) {
				assertThat(written).as("story %s", key)
					.allSatisfy((ids) -> assertThat(ids).doesNotContainAnyElementsOf(versionIds));
			}
		});
	}

	private static ObjectNode scrapedSample() {
		return new ArticleFiles(json).readFile(Samples.sharedSample())
			.get(0)
			.body()
			.put("url", "https://eastside.example/news/north-korea-troops")
			.put("publishedAt", "2024-11-01T10:00:00Z");
	}

	/** The ingest requests of a file of articles written for the story test. */
	private static List<ObjectNode> storyArticles(String file) throws Exception {
		Path path = Path.of(PipelineEndToEndIntegrationTests.class.getResource("/stories/" + file).toURI());
		return new ArticleFiles(json).readFile(path).stream().map(ArticleFiles.Request::body).toList();
	}

	/** Submits an article and waits until search-service serves it; its id. */
	private static String submitAndAwaitIndexed(ObjectNode article) throws Exception {
		HttpResponse<String> accepted = post(ingest.resolve("/api/v1/articles"), article.toString());
		assertThat(accepted.statusCode()).isEqualTo(202);
		String id = json.readTree(accepted.body()).path("id").asString();
		await().atMost(Duration.ofSeconds(90))
			.until(() -> get(search.resolve("/api/v1/articles/" + id)).statusCode() == 200);
		return id;
	}

	private static JsonNode hitOfStory(JsonNode results, String storyId) {
		return results.path("hits")
			.valueStream()
			.filter((hit) -> storyId.equals(hit.path("story").path("id").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No hit stands for story " + storyId + ": " + results));
	}

	/** The article ids of every committed snapshot on the stories topic, by story. */
	private static Map<String, List<List<String>>> storySnapshots() {
		return CommittedRecords
			.readToEnd(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), Topics.STORIES,
					(key) -> true, new StringDeserializer())
			.stream()
			.collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new,
					Collectors.mapping((record) -> json.readTree(record.value())
						.path("articleIds")
						.valueStream()
						.map(JsonNode::asString)
						.toList(), Collectors.toList())));
	}

	private static JsonNode firstHit(String query, String id) throws Exception {
		JsonNode results = json.readTree(get(search.resolve("/api/v1/search?q=" + encode(query))).body());
		for (JsonNode hit : results.path("hits")) {
			if (id.equals(hit.path("id").asString())) {
				return hit;
			}
		}
		return null;
	}

	private static long documentsWithPhrase(String phrase) throws Exception {
		// _count sees only refreshed segments; a refresh makes every indexed document
		// visible.
		http.send(HttpRequest.newBuilder(URI.create(elasticsearch.uri() + "/news/_refresh"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding());
		String body = json.createObjectNode()
			.set("query", json.createObjectNode().set("match_phrase", json.createObjectNode().put("text", phrase)))
			.toString();
		HttpRequest request = HttpRequest.newBuilder(URI.create(elasticsearch.uri() + "/news/_count"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("count").asLong();
	}

	private static long rawRecordCount() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	private static HttpResponse<String> post(URI uri, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(URI uri) throws Exception {
		return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
