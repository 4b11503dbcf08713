package newsroom.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import newsroom.ingest.FixtureServer;
import newsroom.ingest.FixtureServer.Reply;
import newsroom.ingest.IngestClient;
import newsroom.ingest.IngestClient.Answer;
import newsroom.ingest.RawTopic;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/fetch} on the real server and broker. The fixture server listens on
 * 127.0.0.1 and is allow-listed only under the name {@code fixture.test} (resolved by a
 * stub, no DNS), so every other spelling of its address must be refused: its request log
 * proves that refused targets were never connected to. No test sends traffic beyond
 * loopback: the other targets are refused before any connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "newsroom.ingest.allowed-hosts=fixture.test", "newsroom.ingest.fetch.read-timeout=2s" })
class FetchIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final FixtureServer fixture = FixtureServer.start();

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		NewsroomServers.registerKafka(registry);
	}

	@LocalServerPort
	private int port;

	private IngestClient client;

	@BeforeEach
	void createClient() {
		this.client = new IngestClient(this.port);
	}

	@AfterAll
	static void stopFixture() {
		fixture.close();
	}

	@Test
	void refusesForbiddenTargetsBeforeConnecting() {
		int port = fixture.port();
		fixture.serve("/internal", "text/html", "<html><title>Internal</title><p>Secret.</p></html>");
		fixture.route("/redirect-to-loopback",
				(request) -> Reply.redirect(302, "http://127.0.0.1:" + port + "/internal"));
		Map<String, String> refused = Map.ofEntries(Map.entry("http://127.0.0.1:" + port + "/internal", "loopback"),
				Map.entry("http://[::1]:" + port + "/internal", "loopback"),
				Map.entry("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
				Map.entry("http://[fd00:ec2::254]/latest/meta-data/", "cloud metadata"),
				Map.entry("http://10.0.0.1/", "private"), Map.entry("http://192.168.1.1/", "private"),
				Map.entry("http://100.64.0.1/", "carrier-grade NAT"), Map.entry("http://[fe80::1]/", "link-local"),
				Map.entry("http://2130706433:" + port + "/internal", "loopback"),
				Map.entry("http://0x7f000001:" + port + "/internal", "loopback"),
				Map.entry("http://017700000001:" + port + "/internal", "loopback"),
				Map.entry("http://127.1:" + port + "/internal", "loopback"),
				Map.entry("http://[::ffff:127.0.0.1]:" + port + "/internal", "loopback"),
				Map.entry("http://localhost:" + port + "/internal", "loopback"),
				Map.entry("http://0.0.0.0:" + port + "/internal", "unspecified"),
				Map.entry("http://224.0.0.1/", "multicast"),
				Map.entry("http://intranet.test/", "intranet.test (10.1.2.3) is a private address"),
				Map.entry("http://fixture.test:" + port + "/redirect-to-loopback", "redirects to"),
				Map.entry("file:///etc/passwd", "Only http and https"),
				Map.entry("gopher://fixture.test:" + port + "/", "Only http and https"));

		refused.forEach((url, reason) -> {
			Answer answer = this.client.post("/api/v1/fetch", "application/json",
					HttpRequest.BodyPublishers.ofString("{\"url\": \"" + url + "\"}"));

			assertThat(answer.status()).as(url).isEqualTo(400);
			assertThat(answer.contentType()).as(url).startsWith("application/problem+json");
			assertThat(answer.json().path("title").asString()).as(url).isEqualTo("Target refused");
			assertThat(answer.json().path("detail").asString()).as(url).contains(reason);
			assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo("url");
		});
		assertThat(refused).hasSizeGreaterThanOrEqualTo(10);
		assertThat(fixture.log("/internal")).as("refused targets are never connected to").isEmpty();
		assertThat(fixture.log("/redirect-to-loopback")).hasSize(1);
	}

	@Test
	void fetchesAndPublishesAnAllowListedPage() {
		String path = "/news/" + UUID.randomUUID();
		fixture.serve(path, "text/html; charset=utf-8", """
				<!doctype html><html lang="en"><head><title>Harbour reopens after storm | Fixture Times</title>
				<meta property="og:title" content="Harbour reopens after storm">
				<meta name="author" content="Ines Okafor">
				<meta property="article:published_time" content="2024-11-03T08:30:00Z"></head>
				<body><nav><a href="/">Home</a></nav><article><h1>Harbour reopens after storm</h1>
				<p>The harbour reopened on Sunday after three days of repairs to the storm wall.</p>
				<p>Fishing boats were the first to leave, followed by the morning ferry.</p>
				<div class="share">Share on Facebook</div></article>
				<footer>© 2024 Fixture Times</footer></body></html>
				""");

		Answer answer = this.client.post("/api/v1/fetch", "application/json", HttpRequest.BodyPublishers
			.ofString("{\"url\": \"http://fixture.test:" + fixture.port() + path + "?utm_source=x\"}"));

		assertThat(answer.status()).isEqualTo(202);
		assertThat(answer.json().path("status").asString()).isEqualTo("accepted");
		String id = answer.json().path("id").asString();
		try (RawTopic topic = RawTopic.open()) {
			ConsumerRecord<String, String> record = topic.awaitRecord(id);
			JsonNode value = JSON.readTree(record.value());
			assertThat(value.path("origin").asString()).isEqualTo("fetch");
			assertThat(value.path("title").asString()).isEqualTo("Harbour reopens after storm");
			assertThat(value.path("author").asString()).isEqualTo("Ines Okafor");
			assertThat(value.path("publishedAt").asString()).isEqualTo("2024-11-03T08:30:00Z");
			assertThat(value.path("language").asString()).isEqualTo("en");
			assertThat(value.path("source").asString()).isEqualTo("fixture.test");
			assertThat(value.path("canonicalUrl").asString()).isEqualTo("http://fixture.test:" + fixture.port() + path);
			assertThat(value.path("text").asString())
				.isEqualTo("The harbour reopened on Sunday after three days of repairs to the storm wall.\n\n"
						+ "Fishing boats were the first to leave, followed by the morning ferry.");
		}
		assertThat(fixture.log(path)).singleElement()
			.satisfies((exchange) -> assertThat(exchange.request().header("User-Agent")).startsWith("Newsroom/0.1"));
		assertThat(this.client.get("/actuator/prometheus").body()).containsPattern(
				"newsroom_ingest_fetch_duration_seconds_count\\{[^}]*kind=\"page\"[^}]*outcome=\"ok\"[^}]*} [1-9]");
	}

	@Test
	void answersUpstreamFailuresWithGatewayStatuses() {
		fixture.route("/gone", (request) -> new Reply(500, Map.of(), "boom".getBytes()));
		fixture.route("/picture", (request) -> Reply.ok("image/jpeg", new byte[] { 1, 2, 3 }));

		Answer failed = fetch("http://fixture.test:" + fixture.port() + "/gone");
		Answer notHtml = fetch("http://fixture.test:" + fixture.port() + "/picture");
		Answer unresolvable = fetch("http://nowhere.test/");

		assertThat(failed.status()).isEqualTo(502);
		assertThat(failed.json().path("detail").asString()).contains("answered 500");
		assertThat(notHtml.status()).isEqualTo(422);
		assertThat(notHtml.json().path("detail").asString()).contains("image/jpeg");
		assertThat(unresolvable.status()).isEqualTo(502);
		assertThat(List.of(failed, notHtml, unresolvable))
			.allSatisfy((answer) -> assertThat(answer.contentType()).startsWith("application/problem+json"));
	}

	@Test
	void rejectsAMissingOrMalformedUrl() {
		for (String body : List.of("{}", "{\"url\": \"\"}", "{\"url\": \"not a url\"}", "{\"url\": 42}",
				"{\"url\": \"/relative/path\"}")) {
			Answer answer = this.client.post("/api/v1/fetch", "application/json",
					HttpRequest.BodyPublishers.ofString(body));

			assertThat(answer.status()).as(body).isEqualTo(400);
		}
		assertThat(this.client
			.post("/api/v1/fetch", "text/plain", HttpRequest.BodyPublishers.ofString("http://fixture.test/"))
			.status()).isEqualTo(415);
	}

	private Answer fetch(String url) {
		return this.client.post("/api/v1/fetch", "application/json",
				HttpRequest.BodyPublishers.ofString("{\"url\": \"" + url + "\"}"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StubDns {

		@Bean
		@Primary
		HostResolver stubResolver() {
			return (host) -> switch (host) {
				case "fixture.test" -> new InetAddress[] { InetAddress.getByName("127.0.0.1") };
				case "intranet.test" -> new InetAddress[] { InetAddress.getByName("10.1.2.3") };
				default -> throw new UnknownHostException(host);
			};
		}

	}

}
