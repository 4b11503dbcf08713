package newsroom.search;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.events.Topics;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance: an alert saved before an article arrives yields exactly one record on
 * {@code news.alerts.v1} and one match entry, also when search-service is killed
 * ({@code SIGKILL}, no shutdown hooks) between the alert and the article and started
 * again. The service runs in a JVM of its own, on this test's class path, with an alias,
 * consumer group, alert topic and matches index of its own.
 */
class AlertsCrashIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(AlertsCrashIntegrationTests.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String run = "crash-" + UUID.randomUUID().toString().substring(0, 8);

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void stopServices() throws InterruptedException {
		for (Process process : this.processes) {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	@Test
	void publishesOneMatchWhenKilledBetweenAlertAndArticle() throws Exception {
		int port = freePort();
		Process first = startService(port, 1);
		awaitReady(port, first);
		String word = "pier" + this.run.substring(6).replaceAll("[0-9]", "x");
		HttpResponse<String> created = send(HttpRequest.newBuilder(uri(port, "/api/v1/alerts"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Piers\", \"q\": \"" + word + "\"}")));
		assertThat(created.statusCode()).isEqualTo(201);
		String alertId = json.readTree(created.body()).path("id").asString();

		first.destroyForcibly();
		assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
		EnrichedArticle article = article("first", 1, "Pier " + word + " to be repaired");
		publish(article);
		publish(article("unrelated", 1, "Ferry timetable changes"));

		Process second = startService(port, 2);
		awaitReady(port, second);
		assertThat(send(HttpRequest.newBuilder(uri(port, "/api/v1/alerts/" + alertId)).GET()).statusCode())
			.as("the alert survived the kill")
			.isEqualTo(200);
		await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> assertThat(AlertRecords.of(alertId)).hasSize(1));
		// A new revision of the same article, then another article: one more record, for
		// the other article only.
		publish(article(article.id(), 2, "Pier " + word + " repairs start"));
		EnrichedArticle later = article("later", 1, "Pier " + word + " reopens");
		publish(later);
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(AlertRecords.of(alertId)).hasSize(2));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(matchIds(port, alertId)).containsExactly(later.id(), article.id()));
		assertThat(AlertRecords.of(alertId))
			.extracting((record) -> json.readTree(record.value()).path("articleId").asString())
			.containsExactlyInAnyOrder(article.id(), later.id());
	}

	private EnrichedArticle article(String name, long revision, String title) {
		String id = name.startsWith(this.run) ? name : this.run + "-" + name;
		return TestArticles.article(id, revision, title, "The harbour board met on Tuesday and agreed the work.",
				"crash-test", Instant.parse("2024-11-03T09:00:00Z"),
				List.of(TestArticles.entity("Portsmouth", EntityType.LOCATION, 0.7)),
				List.of("economy-business-finance"));
	}

	private static void publish(EnrichedArticle article) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NewsroomServers.kafka().bootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.ENRICHED, article.id(), json.writeValueAsBytes(article))).get();
		}
	}

	/**
	 * The service in a JVM of its own, so that it can be killed like a crashed process;
	 * every start takes the same settings, as a restarted instance would.
	 */
	private Process startService(int port, int attempt) throws IOException {
		Path logs = Path.of("target", "crash-test");
		Files.createDirectories(logs);
		Path logFile = logs.resolve(this.run + "-" + attempt + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String alias = "news-" + this.run;
		List<String> command = List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-cp",
				System.getProperty("java.class.path"), SearchApplication.class.getName(), "--server.port=" + port,
				"--spring.kafka.bootstrap-servers=" + NewsroomServers.kafka().bootstrapServers(),
				"--newsroom.elasticsearch.uris=" + NewsroomServers.elasticsearch().uri(),
				"--spring.kafka.consumer.group-id=search-" + this.run, "--newsroom.search.index.alias=" + alias,
				"--newsroom.search.index.name-prefix=" + alias + "-v", "--newsroom.search.index.template-name=" + alias,
				"--newsroom.search.alerts.topic=newsroom.search.alerts." + this.run,
				"--newsroom.search.alerts.matches-index=alert-matches-" + this.run,
				"--newsroom.search.alerts.transaction-id-prefix=search-alerts-" + this.run + "-",
				"--newsroom.search.stories.index=news-stories-" + this.run, "--logging.level.org.apache.kafka=WARN");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(logFile.toFile())
			.start();
		this.processes.add(process);
		logger.info("Started search-service (attempt {}) as process {}, log {}", attempt, process.pid(),
				logFile.toAbsolutePath());
		return process;
	}

	private static void awaitReady(int port, Process process) {
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			assertThat(process.isAlive()).as("search-service is running").isTrue();
			try {
				return send(HttpRequest.newBuilder(uri(port, "/actuator/health/readiness")).GET()).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	private static List<String> matchIds(int port, String alertId) throws Exception {
		HttpResponse<String> answer = send(
				HttpRequest.newBuilder(uri(port, "/api/v1/alerts/" + alertId + "/matches")).GET());
		assertThat(answer.statusCode()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		for (JsonNode match : json.readTree(answer.body()).path("matches")) {
			ids.add(match.path("articleId").asString());
		}
		return ids;
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
