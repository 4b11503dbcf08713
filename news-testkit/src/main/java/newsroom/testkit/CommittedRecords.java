package newsroom.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a subscriber reading {@code read_committed} sees of a topic: every committed
 * record from the beginning up to the topic's end when asked, as tests count them.
 */
public final class CommittedRecords {

	private CommittedRecords() {
	}

	/**
	 * Everything committed on a topic up to its current end, read from the beginning: a
	 * record written twice shows twice.
	 * @param <V> the values' type
	 * @param broker the broker's address and any security settings, by their Kafka names
	 * @param topic the topic
	 * @param keys which records to keep, by key (records without a key are left out)
	 * @param values how to read the values
	 * @return the kept records, in partition order
	 */
	public static <V> List<ConsumerRecord<String, V>> readToEnd(Map<String, Object> broker, String topic,
			Predicate<String> keys, Deserializer<V> values) {
		Map<String, Object> config = new HashMap<>(broker);
		config.putAll(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000));
		List<ConsumerRecord<String, V>> records = new ArrayList<>();
		try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.key() != null && keys.test(record.key())) {
						records.add(record);
					}
				}
			}
		}
		return records;
	}

}
