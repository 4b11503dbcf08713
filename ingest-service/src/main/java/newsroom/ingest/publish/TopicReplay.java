package newsroom.ingest.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads a topic from its beginning to the end it had when the read started, with no
 * consumer group and nothing committed: how the service rebuilds the state it keeps in
 * Kafka (the duplicate index, the feed registry) before it takes traffic.
 */
public final class TopicReplay {

	private static final Duration POLL = Duration.ofMillis(200);

	private final ConsumerFactory<?, ?> consumerFactory;

	private final Duration timeout;

	/**
	 * Create a replay.
	 * @param consumerFactory the service's consumer factory, for the broker settings
	 * @param timeout how long a whole read may take
	 * ({@code newsroom.ingest.dedup.rebuild-timeout})
	 */
	public TopicReplay(ConsumerFactory<?, ?> consumerFactory, Duration timeout) {
		this.consumerFactory = consumerFactory;
		this.timeout = timeout;
	}

	/**
	 * Hand every record of a topic, in partition order, to a handler.
	 * @param topic the topic
	 * @param clientId names the reader in the broker's logs
	 * @param handler what to do with each record
	 * @return how many records were read, empty when the topic does not exist
	 * @throws IllegalStateException when the topic could not be read to its end in time
	 */
	public OptionalLong readToEnd(String topic, String clientId, Consumer<ConsumerRecord<String, byte[]>> handler) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		Map<String, Object> config = new HashMap<>(this.consumerFactory.getConfigurationProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
		long records = 0;
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<PartitionInfo> partitions = consumer.partitionsFor(topic, this.timeout);
			if (partitions == null || partitions.isEmpty()) {
				return OptionalLong.empty();
			}
			Set<TopicPartition> assigned = partitions.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.collect(Collectors.toSet());
			consumer.assign(assigned);
			consumer.seekToBeginning(assigned);
			Map<TopicPartition, Long> end = consumer.endOffsets(assigned, this.timeout);
			Set<TopicPartition> remaining = new HashSet<>(assigned);
			remaining.removeIf((partition) -> consumer.position(partition, this.timeout) >= end.get(partition));
			while (!remaining.isEmpty()) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " to its end within " + this.timeout
							+ " (newsroom.ingest.dedup.rebuild-timeout)");
				}
				for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
					handler.accept(record);
					records++;
				}
				remaining.removeIf((partition) -> consumer.position(partition, this.timeout) >= end.get(partition));
			}
		}
		return OptionalLong.of(records);
	}

}
