package newsroom.example;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import newsroom.events.AlertMatched;
import newsroom.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A downstream service reading the matches of saved searches from {@code news.alerts.v1}:
 * one record per alert and article, keyed by alert id. Run it with
 * {@code java -cp ... newsroom.example.AlertSubscriber 127.0.0.1:9092 my-team}.
 */
public final class AlertSubscriber implements AutoCloseable {

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
	public AlertSubscriber(String bootstrapServers, String groupId) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
		// search-service publishes matches in transactions (with the offsets of the
		// articles they came from): a match of a rolled-back transaction is not a match.
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		// Start with matches published after the group first joined; "earliest" replays
		// every match the topic still holds.
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		// Bytes, decoded below: one unreadable value must not stop the subscriber.
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		this.consumer = new KafkaConsumer<>(properties);
		this.consumer.subscribe(List.of(Topics.ALERTS));
	}

	/**
	 * Poll once and hand every match to the handler; offsets are committed after the
	 * handler ran, so a match is handled at least once on this side (make the handler
	 * idempotent on {@code alertId} and {@code articleId}, which is also the record's
	 * {@code ce_id} header, {@code alertId/articleId}).
	 * @param handler what to do with each match, e.g. notify the alert's owner
	 * @return how many matches were handled
	 */
	public int pollOnce(Consumer<AlertMatched> handler) {
		int handled = 0;
		for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofSeconds(1))) {
			if (record.value() == null) {
				continue;
			}
			handler.accept(this.json.readValue(record.value(), AlertMatched.class));
			handled++;
		}
		this.consumer.commitSync();
		return handled;
	}

	/**
	 * Wait until the group has its partitions, so that {@code latest} means now.
	 * @param timeout how long to wait at most
	 * @return whether partitions were assigned in time
	 */
	public boolean awaitAssignment(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
			this.consumer.poll(Duration.ofMillis(100));
		}
		// An assignment alone does not fix "latest": the consumer looks the end offsets
		// up
		// later, so a match published meanwhile would be skipped. Asking for the
		// positions
		// looks them up now.
		this.consumer.assignment().forEach(this.consumer::position);
		return !this.consumer.assignment().isEmpty();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

	public static void main(String[] args) {
		try (AlertSubscriber subscriber = new AlertSubscriber(args[0], args[1])) {
			while (!Thread.currentThread().isInterrupted()) {
				subscriber.pollOnce((match) -> System.out.printf("alert %s (%s): %s %s%n", match.alertId(),
						match.alertName(), match.articleId(), match.title()));
			}
		}
	}

}
