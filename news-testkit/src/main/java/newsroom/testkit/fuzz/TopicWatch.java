package newsroom.testkit.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end offsets of every topic on a broker, to show that requests published nothing:
 * any record written (a transaction's commit marker too) moves an end offset, and a topic
 * created since counts from zero; and the records written between two readings, to show
 * that what was published is what an answer said.
 */
public final class TopicWatch implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Duration QUIET_AT_MOST = Duration.ofMinutes(2);

	private static final Duration POLL = Duration.ofMillis(200);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String bootstrapServers;

	private final Admin admin;

	/** Reads records back, made the first time that is asked for. */
	private KafkaConsumer<String, byte[]> reader;

	/**
	 * Watch the topics of a broker.
	 * @param bootstrapServers the broker's address
	 */
	public TopicWatch(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/**
	 * The end offset of every partition of every topic now.
	 * @return offsets by partition
	 */
	public Map<TopicPartition, Long> endOffsets() {
		try {
			Set<String> topics = this.admin.listTopics().names().get(WAIT.toSeconds(), TimeUnit.SECONDS);
			Map<String, TopicDescription> descriptions = this.admin.describeTopics(topics)
				.allTopicNames()
				.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = descriptions.values()
				.stream()
				.flatMap((topic) -> topic.partitions()
					.stream()
					.map((partition) -> new TopicPartition(topic.name(), partition.partition())))
				.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest()));
			Map<TopicPartition, Long> offsets = new HashMap<>();
			this.admin.listOffsets(latest)
				.all()
				.get(WAIT.toSeconds(), TimeUnit.SECONDS)
				.forEach((partition, info) -> offsets.put(partition, info.offset()));
			return offsets;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not read the end offsets of the broker's topics", ex);
		}
	}

	/**
	 * The partitions written to since the given offsets, each with how far its end moved.
	 * @param before offsets read earlier
	 * @return {@code topic-partition=records} for each partition that moved, empty when
	 * nothing was written
	 */
	public List<String> writtenSince(Map<TopicPartition, Long> before) {
		return moved(before, endOffsets());
	}

	/**
	 * The partitions whose end moved between two readings, each with how far.
	 * @param before the earlier offsets
	 * @param after the later offsets, in which a new topic counts from zero
	 * @return {@code topic-partition=records} for each partition that moved
	 */
	public static List<String> moved(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
		return after.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > before.getOrDefault(entry.getKey(), 0L))
			.map((entry) -> entry.getKey() + "=" + (entry.getValue() - before.getOrDefault(entry.getKey(), 0L)))
			.sorted()
			.toList();
	}

	/**
	 * The records written between two readings of the end offsets, aborted ones too
	 * (transaction markers are not records: a partition that holds only markers gives
	 * none).
	 * @param before the earlier offsets
	 * @param after the later offsets, in which a new topic counts from zero
	 * @return the records, partition by partition, each in offset order
	 */
	public List<Publication> records(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
		Map<TopicPartition, Long> from = new HashMap<>();
		after.forEach((partition, end) -> {
			long start = before.getOrDefault(partition, 0L);
			if (end > start) {
				from.put(partition, start);
			}
		});
		List<Publication> records = new ArrayList<>();
		if (from.isEmpty()) {
			return records;
		}
		KafkaConsumer<String, byte[]> consumer = reader();
		consumer.assign(from.keySet());
		from.forEach(consumer::seek);
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (from.keySet().stream().anyMatch((partition) -> consumer.position(partition) < after.get(partition))) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Could not read the records up to " + after + " within " + WAIT);
			}
			for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
				TopicPartition partition = new TopicPartition(record.topic(), record.partition());
				if (record.offset() < after.get(partition)) {
					records.add(new Publication(record.topic(), record.key(), value(record.value())));
				}
			}
		}
		return records;
	}

	private KafkaConsumer<String, byte[]> reader() {
		if (this.reader == null) {
			this.reader = new KafkaConsumer<>(
					Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
							ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
					new StringDeserializer(), new ByteArrayDeserializer());
		}
		return this.reader;
	}

	/** A value as JSON, or as a JSON string of its text when it is not JSON. */
	private static JsonNode value(byte[] bytes) {
		if (bytes == null) {
			return null;
		}
		try {
			return json.readTree(bytes);
		}
		catch (JacksonException ex) {
			return json.getNodeFactory().stringNode(new String(bytes, StandardCharsets.UTF_8));
		}
	}

	/**
	 * Wait until no topic has been written to for a while (work other tests left behind),
	 * and answer the offsets then.
	 * @param quiet how long nothing must move
	 * @return the offsets once quiet
	 */
	public Map<TopicPartition, Long> awaitQuiet(Duration quiet) {
		long deadline = System.nanoTime() + QUIET_AT_MOST.toNanos();
		Map<TopicPartition, Long> offsets = endOffsets();
		while (System.nanoTime() < deadline) {
			pause(quiet);
			Map<TopicPartition, Long> now = endOffsets();
			if (now.equals(offsets)) {
				return now;
			}
			offsets = now;
		}
		throw new IllegalStateException("Topics still written to after " + QUIET_AT_MOST + ": " + offsets);
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		if (this.reader != null) {
			this.reader.close();
		}
		this.admin.close(Duration.ofSeconds(5));
	}

}
