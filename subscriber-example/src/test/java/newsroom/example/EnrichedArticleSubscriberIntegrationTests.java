package newsroom.example;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import newsroom.events.EnrichedArticle;
import newsroom.events.Enrichment;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import newsroom.events.Origin;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EnrichedArticleSubscriberIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void receivesCommittedArticlesOnlyAndToleratesNewFields() throws Exception {
		String bootstrap = NewsroomServers.kafka().bootstrapServers();
		EnrichedArticle committed = article("a1", "Reef bleaching spreads");
		EnrichedArticle aborted = article("a2", "Never committed");
		ObjectNode newer = this.json.valueToTree(article("a3", "From a newer producer"));
		newer.put("sentiment", 0.7);

		try (KafkaProducer<String, byte[]> producer = transactionalProducer(bootstrap)) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(record(committed.id(), this.json.writeValueAsBytes(committed)));
			producer.send(record("a3", newer.toString().getBytes(StandardCharsets.UTF_8)));
			producer.commitTransaction();
			producer.beginTransaction();
			producer.send(record(aborted.id(), this.json.writeValueAsBytes(aborted)));
			producer.flush();
			producer.abortTransaction();
		}

		List<EnrichedArticle> received = new CopyOnWriteArrayList<>();
		try (EnrichedArticleSubscriber subscriber = new EnrichedArticleSubscriber(bootstrap, "example-team")) {
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				subscriber.pollOnce(received::add);
				return received.size() >= 2;
			});
			subscriber.pollOnce(received::add);
		}

		assertThat(received).extracting(EnrichedArticle::id).containsExactlyInAnyOrder("a1", "a3");
		assertThat(received).filteredOn((article) -> article.id().equals("a1")).singleElement().isEqualTo(committed);
	}

	private static ProducerRecord<String, byte[]> record(String key, byte[] value) {
		return new ProducerRecord<>(Topics.ENRICHED, key, value);
	}

	private static KafkaProducer<String, byte[]> transactionalProducer(String bootstrap) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "subscriber-example-test");
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return new KafkaProducer<>(properties);
	}

	private static EnrichedArticle article(String id, String title) {
		RawArticle raw = new RawArticle(1, id, 1L, null, null, "test", title, "Some text.", null,
				Instant.parse("2024-11-01T10:00:00Z"), Instant.parse("2024-11-01T10:00:01Z"), "en", "h", Origin.API,
				null);
		return EnrichedArticle.of(raw,
				new Enrichment("en", "Some text.",
						List.of(new Entity("Great Barrier Reef", EntityType.LOCATION, 1, 1.0, "AU")),
						List.of("environment"), List.of("reef"), 2, 1),
				Instant.parse("2024-11-01T10:00:02Z"), null);
	}

}
