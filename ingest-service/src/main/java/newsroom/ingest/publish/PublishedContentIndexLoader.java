package newsroom.ingest.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import newsroom.events.Topics;
import newsroom.ingest.config.IngestProperties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Fills the {@link PublishedContentIndex} at start-up by reading {@link Topics#RAW} from
 * the beginning to its current end (id = record key, hash = the value's
 * {@code contentHash}), so that {@code duplicate} answers survive a restart.
 * <p>
 * It runs as a lifecycle bean in an early phase: after {@code KafkaAdmin} has created the
 * topic and before the web server starts, so no request is answered from an empty index.
 * It reads with its own group-less consumer that commits nothing; when the topic cannot
 * be read within {@code newsroom.ingest.dedup.rebuild-timeout} the start-up fails rather
 * than answering wrongly.
 */
@Component
class PublishedContentIndexLoader implements SmartLifecycle {

	/**
	 * Before the web server ({@code Integer.MAX_VALUE - 2048}) starts taking requests.
	 */
	static final int PHASE = 0;

	private static final Logger log = LoggerFactory.getLogger(PublishedContentIndexLoader.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private final ConsumerFactory<?, ?> consumerFactory;

	private final PublishedContentIndex index;

	private final JsonMapper jsonMapper;

	private final Duration timeout;

	private volatile boolean running;

	PublishedContentIndexLoader(ConsumerFactory<?, ?> consumerFactory, PublishedContentIndex index,
			JsonMapper jsonMapper, IngestProperties properties) {
		this.consumerFactory = consumerFactory;
		this.index = index;
		this.jsonMapper = jsonMapper;
		this.timeout = properties.dedup().rebuildTimeout();
	}

	@Override
	public void start() {
		load();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void load() {
		long started = System.nanoTime();
		long deadline = started + this.timeout.toNanos();
		Map<String, Object> config = new HashMap<>(this.consumerFactory.getConfigurationProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-service-dedup-rebuild");
		long records = 0;
		try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<PartitionInfo> partitions = consumer.partitionsFor(Topics.RAW, this.timeout);
			if (partitions == null || partitions.isEmpty()) {
				log.info("Topic {} does not exist yet; the duplicate index starts empty", Topics.RAW);
				return;
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
					throw new IllegalStateException("Could not read " + Topics.RAW + " to its end within "
							+ this.timeout + " to rebuild the duplicate index (newsroom.ingest.dedup.rebuild-timeout)");
				}
				for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
					remember(record);
					records++;
				}
				remaining.removeIf((partition) -> consumer.position(partition, this.timeout) >= end.get(partition));
			}
		}
		log.info("Rebuilt the duplicate index from {} records of {} in {} ms: {} article ids", records, Topics.RAW,
				Duration.ofNanos(System.nanoTime() - started).toMillis(), this.index.size());
	}

	private void remember(ConsumerRecord<String, byte[]> record) {
		if (record.key() == null || record.value() == null) {
			return;
		}
		try {
			JsonNode hash = this.jsonMapper.readTree(record.value()).path("contentHash");
			if (hash.isString()) {
				this.index.remember(record.key(), hash.asString());
			}
		}
		catch (JacksonException ex) {
			log.warn("Skipped unreadable record at {}-{}@{} while rebuilding the duplicate index", record.topic(),
					record.partition(), record.offset());
		}
	}

}
