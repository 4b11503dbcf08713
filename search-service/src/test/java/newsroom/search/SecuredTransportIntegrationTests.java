package newsroom.search;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.events.Topics;
import newsroom.testkit.SecuredServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * search-service with security on both sides, configured only through its settings: the
 * broker takes SASL_SSL with a SCRAM-SHA-512 user (Spring Boot's
 * {@code spring.kafka.security/properties/ssl}), and Elasticsearch takes HTTPS with a
 * user that has search-service's role and nothing more
 * ({@code newsroom.elasticsearch.username/password/ca-certificate}). The real indexing
 * and search path runs end to end over both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SecuredTransportIntegrationTests {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final String ALIAS = "news-secured-" + RUN;

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static KafkaProducer<String, byte[]> producer;

	@Autowired
	private MockMvcTester mvc;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		SecuredServers.registerKafka(registry);
		SecuredServers.registerElasticsearch(registry);
		registry.add("newsroom.search.index.alias", () -> ALIAS);
		registry.add("newsroom.search.index.name-prefix", () -> ALIAS + "-v");
		registry.add("newsroom.search.index.template-name", () -> ALIAS);
		registry.add("newsroom.search.query.cursor-secret", () -> "integration-tests");
		registry.add("spring.kafka.consumer.group-id", () -> "search-secured-" + RUN);
	}

	@AfterAll
	static void closeProducer() {
		if (producer != null) {
			producer.close();
		}
	}

	@Test
	void indexesAndSearchesArticlesOverSaslSslAndHttps() {
		String source = "secured-" + RUN;
		EnrichedArticle ferry = TestArticles.article("ferry-" + RUN, 1,
				"Ferry crews in Valmora strike over night shifts",
				"Ferry crews in Valmora walked off the job on Friday, halting every crossing to the outer islands.",
				source, Instant.parse("2024-11-05T10:00:00Z"),
				List.of(TestArticles.entity("Valmora", EntityType.LOCATION, 0.9)), List.of("labour"));
		EnrichedArticle harvest = TestArticles.article("harvest-" + RUN, 1, "A record apple harvest",
				"Orchards report the best year in a decade.", source, Instant.parse("2024-11-06T10:00:00Z"), List.of(),
				List.of("economy-business-finance"));

		publish(ferry.id(), json.writeValueAsBytes(ferry));
		publish(harvest.id(), json.writeValueAsBytes(harvest));

		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(total("source=" + source)).isEqualTo(2));
		JsonNode answer = okJson("/api/v1/search?q=ferry&source=" + source);
		assertThat(answer.path("total").asLong()).isEqualTo(1);
		assertThat(answer.path("hits").path(0).path("id").asString()).isEqualTo(ferry.id());
		assertThat(answer.path("hits").path(0).path("title").asString()).isEqualTo(ferry.title());
		JsonNode article = okJson("/api/v1/articles/" + harvest.id());
		assertThat(article.path("title").asString()).isEqualTo(harvest.title());
	}

	@Test
	void reportsBothSecuredServersReady() {
		assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk()
			.bodyText()
			.containsPattern("\"elasticsearch\":\\{(\\{[^{}]*}|[^{}])*\"status\":\"UP\"")
			.containsPattern("\"kafka\":\\{(\\{[^{}]*}|[^{}])*\"status\":\"UP\"");
	}

	@Test
	void publishesUnreadableRecordToDeadLetterTopicOverSaslSsl() {
		String key = "unreadable-" + RUN;

		publish(key, "{not json".getBytes(StandardCharsets.UTF_8));

		assertThat(readDeadLetters(key)).singleElement()
			.satisfies(
					(record) -> assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{not json"));
	}

	private long total(String query) {
		return okJson("/api/v1/search?" + query).path("total").asLong();
	}

	private JsonNode okJson(String uri) {
		return RealServersTestSupport.okJson(this.mvc, uri);
	}

	private static void publish(String key, byte[] value) {
		try {
			producer().send(new ProducerRecord<>(Topics.ENRICHED, null, key, value, RealServersTestSupport.headers()))
				.get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + key + " over SASL_SSL", ex);
		}
	}

	private static synchronized KafkaProducer<String, byte[]> producer() {
		if (producer == null) {
			producer = new KafkaProducer<>(client(Map.of(ProducerConfig.ACKS_CONFIG, "all")), new StringSerializer(),
					new ByteArraySerializer());
		}
		return producer;
	}

	private static List<ConsumerRecord<String, byte[]>> readDeadLetters(String key) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(client(Map.of(ConsumerConfig.GROUP_ID_CONFIG,
				"dlt-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.ENRICHED_DLT));
			await().atMost(TIMEOUT).until(() -> {
				consumer.poll(Duration.ofMillis(500))
					.forEach((record) -> found.addAll(key.equals(record.key()) ? List.of(record) : List.of()));
				return !found.isEmpty();
			});
			// One more poll, so a second dead letter for the key would show.
			consumer.poll(Duration.ofSeconds(1))
				.forEach((record) -> found.addAll(key.equals(record.key()) ? List.of(record) : List.of()));
		}
		return found;
	}

	/**
	 * Client settings for the secured broker: its address, SASL_SSL and the test user.
	 */
	private static Map<String, Object> client(Map<String, Object> settings) {
		Map<String, Object> config = new HashMap<>(SecuredServers.kafka().clientProperties());
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SecuredServers.kafka().bootstrapServers());
		config.putAll(settings);
		return config;
	}

}
