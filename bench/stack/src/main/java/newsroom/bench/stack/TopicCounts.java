package newsroom.bench.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import newsroom.events.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How many records a topic holds per key, read from the beginning to the end as a
 * subscriber sees it ({@code read_committed}: records of aborted transactions do not
 * count), with the reason header of each dead letter.
 *
 * @param topic the topic
 * @param perKey records per key ({@code (none)} for records without a key)
 * @param reasons the {@value DeadLetterHeaders#REASON} header of the last record of each
 * key that has one
 */
public record TopicCounts(String topic, Map<String, Integer> perKey, Map<String, String> reasons) {

	private static final String NO_KEY = "(none)";

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

	public TopicCounts {
		perKey = Map.copyOf(perKey);
		reasons = Map.copyOf(reasons);
	}

	/**
	 * Read a whole topic.
	 * @param bootstrapServers the broker
	 * @param topic the topic; one that does not exist yet counts as empty
	 * @param timeout how long the reading may take
	 * @return the counts
	 * @throws IllegalStateException when the end is not reached in time
	 */
	public static TopicCounts read(String bootstrapServers, String topic, Duration timeout) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000, ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
				false);
		Map<String, Integer> perKey = new HashMap<>();
		Map<String, String> reasons = new TreeMap<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = partitions(consumer, topic, timeout);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			// With read_committed these are the last stable offsets: the end a subscriber
			// can read to.
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!atEnd(consumer, ends)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " to its end within " + timeout);
				}
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					String key = (record.key() != null) ? record.key() : NO_KEY;
					perKey.merge(key, 1, Integer::sum);
					Header reason = record.headers().lastHeader(DeadLetterHeaders.REASON);
					if (reason != null) {
						reasons.put(key, new String(reason.value(), StandardCharsets.UTF_8));
					}
				}
			}
		}
		return new TopicCounts(topic, perKey, reasons);
	}

	/**
	 * How far a topic has grown: the sum of its partitions' end offsets, records of open
	 * transactions included.
	 * @param bootstrapServers the broker
	 * @param topic the topic
	 * @return the sum, or -1 when the broker cannot say now
	 */
	public static long endOffsets(String bootstrapServers, String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			return consumer.endOffsets(partitions(consumer, topic, PROBE_TIMEOUT), PROBE_TIMEOUT)
				.values()
				.stream()
				.mapToLong(Long::longValue)
				.sum();
		}
		catch (KafkaException ex) {
			return -1;
		}
	}

	private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic, Duration timeout) {
		return consumer.partitionsFor(topic, timeout)
			.stream()
			.map((partition) -> new TopicPartition(topic, partition.partition()))
			.toList();
	}

	private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

	/**
	 * @param key a record key
	 * @return how many records have it
	 */
	public int count(String key) {
		return this.perKey.getOrDefault(key, 0);
	}

	/**
	 * @return records of every key
	 */
	public long records() {
		return this.perKey.values().stream().mapToLong(Integer::longValue).sum();
	}

}
