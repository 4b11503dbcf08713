package newsroom.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import newsroom.events.Topics;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads {@link Topics#RAW} on the test broker with a plain consumer (unique group,
 * earliest, read_committed), from chosen offsets, so that a test can see exactly what was
 * published after a point.
 */
public final class RawTopic implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final KafkaConsumer<String, String> consumer;

	private final List<TopicPartition> partitions;

	private RawTopic() {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, NewsroomServers.kafka().bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new StringDeserializer());
		this.partitions = this.consumer.partitionsFor(Topics.RAW, WAIT)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(this.partitions);
	}

	/**
	 * Opens a reader on the raw topic, which must exist (the application creates it).
	 * @return the reader
	 */
	public static RawTopic open() {
		return new RawTopic();
	}

	/**
	 * The current end of every partition, to read what is published after now.
	 * @return offsets by partition
	 */
	public Map<TopicPartition, Long> endOffsets() {
		return this.consumer.endOffsets(this.partitions, WAIT);
	}

	/**
	 * Reads from the given offsets until a record with the given key has arrived.
	 * @param from where to start in each partition
	 * @param key the key that ends the read
	 * @return every record read, the one with the key included
	 */
	public List<ConsumerRecord<String, String>> readUntilKey(Map<TopicPartition, Long> from, String key) {
		from.forEach(this.consumer::seek);
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		await().atMost(WAIT).until(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			return records.stream().anyMatch((record) -> key.equals(record.key()));
		});
		// Other partitions may still hold records written before the one with the key.
		Map<TopicPartition, Long> end = endOffsets();
		await().atMost(WAIT).until(() -> {
			this.consumer.poll(Duration.ofMillis(100)).forEach(records::add);
			return end.entrySet()
				.stream()
				.allMatch((entry) -> this.consumer.position(entry.getKey()) >= entry.getValue());
		});
		return records;
	}

	/**
	 * Reads everything published between the given offsets and the current end.
	 * @param from where to start in each partition
	 * @return the records
	 */
	public List<ConsumerRecord<String, String>> readToEnd(Map<TopicPartition, Long> from) {
		Map<TopicPartition, Long> end = endOffsets();
		from.forEach(this.consumer::seek);
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		await().atMost(WAIT).until(() -> {
			this.consumer.poll(Duration.ofMillis(100)).forEach(records::add);
			return end.entrySet()
				.stream()
				.allMatch((entry) -> this.consumer.position(entry.getKey()) >= entry.getValue());
		});
		return records;
	}

	/**
	 * Reads from the beginning until the last record with the given key.
	 * @param key the article id
	 * @return that record
	 */
	public ConsumerRecord<String, String> awaitRecord(String key) {
		Map<TopicPartition, Long> beginning = this.consumer.beginningOffsets(this.partitions, WAIT);
		List<ConsumerRecord<String, String>> records = readUntilKey(beginning, key);
		Optional<ConsumerRecord<String, String>> last = records.stream()
			.filter((record) -> key.equals(record.key()))
			.reduce((first, second) -> second);
		return last.orElseThrow();
	}

	/**
	 * The header values of a record by name.
	 * @param record the record
	 * @return header name to UTF-8 value
	 */
	public static Map<String, String> headers(ConsumerRecord<String, String> record) {
		return Arrays.stream(record.headers().toArray())
			.collect(Collectors.toMap(Header::key, (header) -> new String(header.value(), StandardCharsets.UTF_8)));
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
