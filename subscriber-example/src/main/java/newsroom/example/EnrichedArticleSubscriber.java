package newsroom.example;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import newsroom.events.EnrichedArticle;
import newsroom.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A downstream service reading enriched articles: the smallest correct subscriber. Run it
 * with
 * {@code java -cp ... newsroom.example.EnrichedArticleSubscriber 127.0.0.1:9092 my-team}.
 */
public final class EnrichedArticleSubscriber implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EnrichedArticleSubscriber.class);

	// v1 only ever gains fields: a subscriber must not fail on one it does not know yet.
	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final KafkaConsumer<String, byte[]> consumer;

	/**
	 * Create a subscriber in its own consumer group.
	 * @param bootstrapServers the Kafka brokers
	 * @param groupId your team's consumer group: offsets are kept per group
	 */
	public EnrichedArticleSubscriber(String bootstrapServers, String groupId) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
		// enrich-service writes in transactions: read only what was committed.
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		// The topic is compacted: from the beginning, a new group sees the latest
		// revision of every article.
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		// Bytes, decoded below: one unreadable value must not stop the subscriber.
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		this.consumer = new KafkaConsumer<>(properties);
		this.consumer.subscribe(List.of(Topics.ENRICHED));
	}

	/**
	 * Poll once and hand every article to the handler; offsets are committed after the
	 * handler ran, so an article is processed at least once (make the handler idempotent
	 * on {@code id} and {@code revision}).
	 * @param handler what to do with each article
	 * @return how many articles were handled
	 */
	public int pollOnce(Consumer<EnrichedArticle> handler) {
		int handled = 0;
		for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofSeconds(1))) {
			if (record.value() == null) {
				continue; // a tombstone: the article was withdrawn
			}
			EnrichedArticle article = this.json.readValue(record.value(), EnrichedArticle.class);
			handler.accept(article);
			handled++;
		}
		this.consumer.commitSync();
		return handled;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

	public static void main(String[] args) {
		try (EnrichedArticleSubscriber subscriber = new EnrichedArticleSubscriber(args[0], args[1])) {
			while (!Thread.currentThread().isInterrupted()) {
				subscriber.pollOnce(
						(article) -> System.out.printf("%s %s %s%n", article.id(), article.tags(), article.title()));
			}
		}
	}

}
