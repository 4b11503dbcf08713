package newsroom.enrich.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import newsroom.enrich.config.EnrichProperties;
import newsroom.enrich.duplicate.DuplicateIndex;
import newsroom.enrich.story.StoryIndex;
import newsroom.events.Story;
import newsroom.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the service's state at start-up, before the raw-topic listener starts: the
 * {@link DuplicateIndex} and the story members of the {@link StoryIndex} from the
 * fingerprint topic, the stories' snapshots from {@link Topics#STORIES}. Then keeps
 * reading both, so that what other instances commit joins the indexes too. Reads
 * {@code read_committed}: a record of a transaction that a crash left open is only seen
 * if that transaction commits.
 */
@Component
class StateLoader implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StateLoader.class);

	private static final List<String> TOPICS = List.of(FingerprintPublisher.TOPIC, Topics.STORIES);

	private final KafkaProperties kafkaProperties;

	private final DuplicateIndex index;

	private final StoryIndex stories;

	private final JsonMapper jsonMapper;

	private final Duration loadTimeout;

	private volatile KafkaConsumer<String, byte[]> consumer;

	private volatile Thread thread;

	private volatile boolean running;

	StateLoader(KafkaProperties kafkaProperties, DuplicateIndex index, StoryIndex stories, JsonMapper jsonMapper,
			EnrichProperties properties) {
		this.kafkaProperties = kafkaProperties;
		this.index = index;
		this.stories = stories;
		this.jsonMapper = jsonMapper;
		this.loadTimeout = properties.duplicates().loadTimeout();
	}

	/** Before the listener containers, which start in the registry's phase. */
	@Override
	public int getPhase() {
		return AbstractMessageListenerContainer.DEFAULT_PHASE - 100;
	}

	@Override
	public void start() {
		Map<String, Object> config = new HashMap<>(this.kafkaProperties.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "enrich-state-" + Long.toHexString(System.nanoTime()));
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
		CountDownLatch loaded = new CountDownLatch(1);
		this.running = true;
		this.thread = new Thread(() -> run(loaded), "enrich-state");
		this.thread.setDaemon(true);
		this.thread.start();
		try {
			if (!loaded.await(this.loadTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				stop();
				throw new IllegalStateException("Could not read " + TOPICS + " within " + this.loadTimeout
						+ " (newsroom.enrich.duplicates.load-timeout)");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading " + TOPICS, ex);
		}
	}

	private void run(CountDownLatch loaded) {
		long start = System.nanoTime();
		try (KafkaConsumer<String, byte[]> reader = this.consumer) {
			List<TopicPartition> partitions = partitions(reader);
			reader.assign(partitions);
			reader.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = reader.endOffsets(partitions);
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
					add(record);
				}
				if (loaded.getCount() > 0 && caughtUp(reader, end)) {
					this.stories.loaded();
					log.info("Loaded {} fingerprints and {} open stories from {} in {} ms", this.index.size(),
							this.stories.size(), TOPICS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
					loaded.countDown();
				}
			}
		}
		catch (WakeupException ex) {
			// stop() asked the consumer to leave its poll.
		}
		catch (RuntimeException ex) {
			log.error("Stopped reading {}", TOPICS, ex);
		}
	}

	private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> reader) {
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : TOPICS) {
			partitions.addAll(partitions(reader, topic));
		}
		return partitions;
	}

	private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> reader, String topic) {
		while (this.running) {
			List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			if (!partitions.isEmpty()) {
				return partitions;
			}
		}
		throw new WakeupException();
	}

	private static boolean caughtUp(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> end) {
		for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
			if (reader.position(partition.getKey()) < partition.getValue()) {
				return false;
			}
		}
		return true;
	}

	private void add(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return;
		}
		try {
			// When it was written: a story nothing joined for the window is not held
			// again.
			Instant writtenAt = Instant.ofEpochMilli(record.timestamp());
			if (Topics.STORIES.equals(record.topic())) {
				this.stories.addSnapshot(this.jsonMapper.readValue(record.value(), Story.class), writtenAt);
				return;
			}
			Fingerprint fingerprint = this.jsonMapper.readValue(record.value(), Fingerprint.class);
			this.index.add(fingerprint.id(), fingerprint.value(), fingerprint.firstSeenAt());
			if (fingerprint.storyId() != null && fingerprint.profile() != null) {
				this.stories.addMember(fingerprint.id(), fingerprint.storyId(), fingerprint.profile(), writtenAt);
			}
		}
		catch (JacksonException | IllegalArgumentException ex) {
			log.warn("Skipped unreadable record {}-{}@{}", record.topic(), record.partition(), record.offset());
		}
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> reader = this.consumer;
		if (reader != null) {
			reader.wakeup();
		}
		Thread reading = this.thread;
		if (reading != null) {
			try {
				reading.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
