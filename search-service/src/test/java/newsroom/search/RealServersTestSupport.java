package newsroom.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import newsroom.events.CloudEventHeaders;
import newsroom.events.EnrichedArticle;
import newsroom.events.Story;
import newsroom.events.Topics;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Points search-service at the real Kafka and Elasticsearch of this test JVM, with an
 * alias, index prefix and consumer group of its own so that other contexts in the JVM do
 * not disturb its counts, and publishes enriched records the way enrich-service does.
 * Every subclass shares one application context (on a random port, with MockMvc too): one
 * consumer group, one listener, one alias.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class RealServersTestSupport {

	/** Unique per JVM: every test context built from this class shares it. */
	protected static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	protected static final String ALIAS = "news-it-" + RUN;

	/** The compacted topic the shared context keeps its alerts in. */
	protected static final String ALERTS_TOPIC = "newsroom.search.alerts.it-" + RUN;

	/** The index of the shared context's alert matches. */
	protected static final String MATCHES_INDEX = "alert-matches-it-" + RUN;

	/** The index of the shared context's story snapshots. */
	protected static final String STORIES_INDEX = "news-stories-it-" + RUN;

	/** The consumer group of the shared context's listener. */
	protected static final String GROUP = "search-it-" + RUN;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static KafkaProducer<String, byte[]> producer;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		NewsroomServers.registerKafka(registry);
		NewsroomServers.registerElasticsearch(registry);
		registry.add("newsroom.search.index.alias", () -> ALIAS);
		registry.add("newsroom.search.index.name-prefix", () -> ALIAS + "-v");
		registry.add("newsroom.search.index.template-name", () -> ALIAS);
		registry.add("newsroom.search.indexing.retry-initial-interval", () -> "200ms");
		// Back within seconds of Elasticsearch's return, not a minute later.
		registry.add("newsroom.search.indexing.retry-max-interval", () -> "2s");
		registry.add("newsroom.search.query.cursor-secret", () -> "integration-tests");
		registry.add("spring.kafka.consumer.group-id", () -> GROUP);
		// Alerts of this context only: its own alert topic, matches index and producer
		// ids.
		registry.add("newsroom.search.alerts.topic", () -> ALERTS_TOPIC);
		registry.add("newsroom.search.alerts.matches-index", () -> MATCHES_INDEX);
		registry.add("newsroom.search.alerts.transaction-id-prefix", () -> "search-alerts-it-" + RUN + "-");
		registry.add("newsroom.search.stories.index", () -> STORIES_INDEX);
	}

	@AfterAll
	static void closeProducer() {
		if (producer != null) {
			producer.close();
			producer = null;
		}
	}

	/**
	 * Publish an enriched article as enrich-service would: JSON without type headers,
	 * keyed by id, with CloudEvents headers.
	 */
	protected static void publish(EnrichedArticle article, Integer partition) {
		send(article.id(), json.writeValueAsBytes(article), partition);
	}

	/**
	 * Publish many enriched articles at once, waiting until the broker has all of them.
	 */
	protected static void publishAll(List<EnrichedArticle> articles) {
		List<Future<RecordMetadata>> sent = new ArrayList<>(articles.size());
		for (EnrichedArticle article : articles) {
			sent.add(producer().send(new ProducerRecord<>(Topics.ENRICHED, null, article.id(),
					json.writeValueAsBytes(article), headers())));
		}
		producer().flush();
		for (Future<RecordMetadata> future : sent) {
			try {
				future.get();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not publish a batch of articles", ex);
			}
		}
	}

	/** Publish any bytes as an enriched record, for records a reader cannot decode. */
	protected static void send(String key, byte[] value, Integer partition) {
		send(Topics.ENRICHED, key, value, partition);
	}

	/**
	 * Publish a story snapshot as enrich-service would: JSON without type headers, keyed
	 * by story id, with CloudEvents headers.
	 */
	protected static void publishStory(Story story, Integer partition) {
		sendStory(story.storyId(), json.writeValueAsBytes(story), partition);
	}

	/** Publish any bytes as a story record, for records a reader cannot use. */
	protected static void sendStory(String key, byte[] value, Integer partition) {
		send(Topics.STORIES, key, value, partition);
	}

	private static void send(String topic, String key, byte[] value, Integer partition) {
		try {
			producer().send(new ProducerRecord<>(topic, partition, key, value, headers(topic))).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + key, ex);
		}
	}

	/** The CloudEvents headers enrich-service puts on an enriched record. */
	static RecordHeaders headers() {
		return headers(Topics.ENRICHED);
	}

	private static RecordHeaders headers(String topic) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE));
		headers.add(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString()));
		headers.add(CloudEventHeaders.SOURCE, bytes("/newsroom/enrich-service"));
		headers.add(CloudEventHeaders.TYPE,
				bytes(Topics.STORIES.equals(topic) ? CloudEventHeaders.STORY_TYPE : CloudEventHeaders.ENRICHED_TYPE));
		headers.add(CloudEventHeaders.TIME, bytes(Instant.now().toString()));
		headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
		return headers;
	}

	/**
	 * This run's id in letters only: analyzers that split on anything but letters (the
	 * completion field's) keep it one word.
	 */
	protected static String runWord() {
		StringBuilder word = new StringBuilder();
		RUN.chars().forEach((c) -> word.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : (char) c));
		return word.toString();
	}

	protected static String uniqueId(String name) {
		return name + "-" + RUN + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
	}

	private static synchronized KafkaProducer<String, byte[]> producer() {
		if (producer == null) {
			producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NewsroomServers.kafka().bootstrapServers(),
							ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
					new StringSerializer(), new ByteArraySerializer());
		}
		return producer;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Read a dead-letter topic from its start until a record of every key is found.
	 * @param topic the dead-letter topic
	 * @param keys the keys of the records sent there
	 * @return the records with those keys (another context of the JVM may have parked one
	 * too)
	 */
	protected static List<ConsumerRecord<String, byte[]>> deadLetters(String topic, List<String> keys) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, NewsroomServers.kafka().bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
					if (keys.contains(record.key())) {
						found.add(record);
					}
				});
				return found.stream().map(ConsumerRecord::key).distinct().count() == keys.size();
			});
		}
		return found;
	}

	/**
	 * A header of a record as text; it must be there.
	 * @param record the record
	 * @param name the header
	 * @return its value, UTF-8
	 */
	protected static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as("header %s", name).isNotNull();
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	/**
	 * The body of a MockMvc answer as text.
	 * @param result the answer
	 * @return its body, UTF-8
	 */
	protected static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * GET a URI that must answer 200, read as JSON.
	 * @param mvc the test's MockMvc
	 * @param uri the path and query
	 * @return the answer's JSON
	 */
	protected static JsonNode okJson(MockMvcTester mvc, String uri) {
		MvcTestResult result = mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk();
		return json.readTree(body(result));
	}

	/**
	 * Assert that the six largest stories, what the "Top stories" panel lists, include a
	 * story. A GET by id answers as soon as the story is written, a listing only after
	 * the index's next refresh; the panel loads once, with the page, so a browser test
	 * waits for this before it opens the page.
	 * @param mvc the test's MockMvc
	 * @param storyId the story's id
	 */
	protected static void assertTopStoriesList(MockMvcTester mvc, String storyId) {
		List<String> ids = new ArrayList<>();
		okJson(mvc, "/api/v1/stories?sort=size&size=6").path("stories")
			.forEach((story) -> ids.add(story.path("id").asText()));
		assertThat(ids).as("the top stories").contains(storyId);
	}

}
