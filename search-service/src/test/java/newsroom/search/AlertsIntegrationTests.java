package newsroom.search;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import newsroom.events.CloudEventHeaders;
import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.testkit.NewsroomServers;
import newsroom.testkit.fuzz.FuzzRequest;
import newsroom.testkit.fuzz.HostileValues;
import newsroom.testkit.fuzz.ProblemEdge;
import newsroom.testkit.fuzz.TopicWatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts on the real servers: saved, listed and deleted through the API; an article that
 * arrives after an alert is published once on {@code news.alerts.v1} and listed once
 * under the alert's matches, also when it comes again as a new revision; articles from
 * before the alert do not match.
 */
class AlertsIntegrationTests extends RealServersTestSupport {

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ElasticsearchClient client;

	@LocalServerPort
	private int port;

	@Test
	void savesListsAndDeletesAlerts() {
		MvcTestResult created = post(Map.of("name", "Ferries", "q", "ferry strike", "source", List.of("lakeside"),
				"entity", List.of(" Valmora ", "")));

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode alert = json.readTree(body(created));
		String id = alert.path("id").asString();
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/alerts/" + id);
		assertThat(alert.path("name").asString()).isEqualTo("Ferries");
		assertThat(alert.path("entity").valueStream().map(JsonNode::asString)).containsExactly("Valmora");
		assertThat(Instant.parse(alert.path("createdAt").asString())).isBeforeOrEqualTo(Instant.now());
		assertThat(okJson(this.mvc, "/api/v1/alerts").valueStream().map((a) -> a.path("id").asString())).contains(id);
		assertThat(okJson(this.mvc, "/api/v1/alerts/" + id).path("q").asString()).isEqualTo("ferry strike");
		assertThat(okJson(this.mvc, "/api/v1/alerts/" + id + "/matches").path("matches").isEmpty()).isTrue();

		assertThat(this.mvc.delete().uri("/api/v1/alerts/" + id).exchange()).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.get().uri("/api/v1/alerts/" + id).exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.delete().uri("/api/v1/alerts/" + id).exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(okJson(this.mvc, "/api/v1/alerts").valueStream().map((a) -> a.path("id").asString()))
			.doesNotContain(id);
	}

	@Test
	void refusesAlertsThatAreNotSearchesNamingTheField() {
		assertThat(problemFields(Map.of("name", "Nothing"))).containsExactly("q");
		assertThat(problemFields(Map.of("name", "Blanks", "tag", List.of(" "), "q", " "))).containsExactly("q");
		assertThat(problemFields(Map.of("q", "ferry"))).containsExactly("name");
		assertThat(problemFields(Map.of("name", "Wildcards", "q", "* re*x ~2"))).isEmpty();
		assertThat(problemFields(Map.of("name", "Only a star", "q", "*"))).containsExactly("q");
		assertThat(problemFields(Map.of("name", "Long", "q", "x".repeat(1001)))).containsExactly("q");
		assertThat(problemFields(
				Map.of("name", "Many", "entity", IntStream.range(0, 21).mapToObj((i) -> "Entity " + i).toList())))
			.containsExactly("entity");
		assertThat(problemFields(Map.of("name", "  ", "language", "en"))).containsExactly("name");
		assertThat(this.mvc.post()
			.uri("/api/v1/alerts")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"x\", \"entity\": 5")
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.get().uri("/api/v1/alerts/nope/matches").exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void refusesAnAcceptItCannotMeetBeforeSavingTheAlert() {
		Map<TopicPartition, Long> before = alertTopicOffsets();

		for (String accept : List.of("text/html", "image/png", "application/yaml")) {
			FuzzRequest request = FuzzRequest.of("POST", "/api/v1/alerts")
				.withHeader("Content-Type", "application/json")
				.withHeader("Accept", accept)
				.withBody(HostileValues.utf8("{\"name\": \"Unacceptable\", \"q\": \"ferry\"}"), false);
			assertThat(new ProblemEdge(request, 406).check(this.port)).isEmpty();
		}

		// Found by MalformedRequestsIntegrationTests: the alert was saved, then refused.
		assertThat(okJson(this.mvc, "/api/v1/alerts").valueStream().map((alert) -> alert.path("name").asString()))
			.doesNotContain("Unacceptable");
		assertThat(alertTopicOffsets()).isEqualTo(before);
	}

	@Test
	void publishesEachMatchOnceAndListsIt() throws IOException {
		String word = "harbour" + runWord();
		EnrichedArticle before = article("before", 1, "Tug crews in " + word + " vote on pay");
		publish(before, null);
		await().atMost(Duration.ofSeconds(60)).until(() -> searchTotal(word) == 1);
		String alertId = createAlert(Map.of("name", "Harbour news", "q", word + " crews"));

		EnrichedArticle first = article("first", 1, "Ferry crews in " + word + " strike");
		publish(first, null);
		publish(article("other", 1, "Ferry crews in Valmora strike"), null);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(AlertRecords.of(alertId)).hasSize(1));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(matchIds(alertId)).hasSize(1));

		// A new revision of a matched article, then a second article: the second's record
		// shows that everything before it was matched.
		publish(article(first.id(), 2, "Ferry crews in " + word + " strike again"), null);
		EnrichedArticle second = article("second", 1, "Ferry crews in " + word + " return");
		publish(second, null);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(AlertRecords.of(alertId)).hasSize(2));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(matchIds(alertId)).containsExactly(second.id(), first.id()));

		// How far match transactions committed is recorded beside the matches, so that a
		// replay from far back (offsets expired or reset) never publishes a match again.
		JsonNode claim = this.client
			.get((get) -> get.index(MATCHES_INDEX).id(alertId + ":" + first.id()), JsonNode.class)
			.source();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.client
				.get((get) -> get.index(MATCHES_INDEX).id("~committed:" + claim.path("partition").asInt()),
						JsonNode.class)
				.source()
				.path("offset")
				.asLong()).isGreaterThan(claim.path("offset").asLong()));
		List<ConsumerRecord<String, String>> records = AlertRecords.of(alertId);
		assertThat(records).extracting((record) -> json.readTree(record.value()).path("articleId").asString())
			.containsExactlyInAnyOrder(first.id(), second.id());
		ConsumerRecord<String, String> record = records.stream()
			.filter((r) -> r.value().contains(first.id()))
			.findFirst()
			.orElseThrow();
		JsonNode event = json.readTree(record.value());
		assertThat(event.path("schemaVersion").asInt()).isEqualTo(1);
		assertThat(event.path("alertName").asString()).isEqualTo("Harbour news");
		assertThat(event.path("title").asString()).isEqualTo(first.title());
		assertThat(event.path("url").asString()).isEqualTo(first.url());
		assertThat(AlertRecords.header(record, CloudEventHeaders.TYPE)).isEqualTo(CloudEventHeaders.ALERT_MATCH_TYPE);
		assertThat(AlertRecords.header(record, CloudEventHeaders.ID)).isEqualTo(alertId + "/" + first.id());
	}

	private static Map<TopicPartition, Long> alertTopicOffsets() {
		try (TopicWatch topics = new TopicWatch(NewsroomServers.kafka().bootstrapServers())) {
			return topics.endOffsets()
				.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().topic().equals(ALERTS_TOPIC))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		}
	}

	private EnrichedArticle article(String name, long revision, String title) {
		String id = name.contains("-" + RUN + "-") ? name : uniqueId("alerts-" + name);
		return TestArticles.article(id, revision, title,
				"Crews met on the quay on Friday. Talks with the company broke down on Thursday evening.", "lakeside",
				Instant.parse("2024-11-01T10:00:00Z"),
				List.of(TestArticles.entity("Valmora", EntityType.LOCATION, 0.8)), List.of("labour"));
	}

	private String createAlert(Map<String, Object> request) {
		MvcTestResult created = post(request);
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return json.readTree(body(created)).path("id").asString();
	}

	private MvcTestResult post(Map<String, Object> request) {
		return this.mvc.post()
			.uri("/api/v1/alerts")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(request))
			.exchange();
	}

	/** The fields a 400 names, or none when the request was accepted. */
	private List<String> problemFields(Map<String, Object> request) {
		MvcTestResult result = post(request);
		if (result.getResponse().getStatus() == HttpStatus.CREATED.value()) {
			return List.of();
		}
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		List<String> fields = new ArrayList<>();
		json.readTree(body(result)).path("errors").forEach((error) -> fields.add(error.path("field").asString()));
		return fields;
	}

	private List<String> matchIds(String alertId) {
		List<String> ids = new ArrayList<>();
		okJson(this.mvc, "/api/v1/alerts/" + alertId + "/matches?size=100").path("matches")
			.forEach((match) -> ids.add(match.path("articleId").asString()));
		return ids;
	}

	private long searchTotal(String q) {
		return okJson(this.mvc, "/api/v1/search?size=1&q=" + q).path("total").asLong();
	}

}
