package newsroom.testkit.fuzz;

import java.time.Duration;
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
import org.apache.kafka.common.TopicPartition;

/**
 * The end offsets of every topic on a broker, to show that requests published nothing:
 * any record written (a transaction's commit marker too) moves an end offset, and a topic
 * created since counts from zero. For services whose HTTP endpoints never publish.
 */
public final class TopicWatch implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Duration QUIET_AT_MOST = Duration.ofMinutes(2);

	private final Admin admin;

	/**
	 * Watch the topics of a broker.
	 * @param bootstrapServers the broker's address
	 */
	public TopicWatch(String bootstrapServers) {
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
		this.admin.close(Duration.ofSeconds(5));
	}

}
