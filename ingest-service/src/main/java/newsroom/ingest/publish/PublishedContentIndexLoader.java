package newsroom.ingest.publish;

import java.time.Duration;
import java.util.OptionalLong;

import newsroom.events.Topics;
import newsroom.ingest.config.IngestProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
		OptionalLong records = new TopicReplay(this.consumerFactory, this.timeout).readToEnd(Topics.RAW,
				"ingest-service-dedup-rebuild", this::remember);
		if (records.isEmpty()) {
			log.info("Topic {} does not exist yet; the duplicate index starts empty", Topics.RAW);
			return;
		}
		log.info("Rebuilt the duplicate index from {} records of {} in {} ms: {} article ids", records.getAsLong(),
				Topics.RAW, Duration.ofNanos(System.nanoTime() - started).toMillis(), this.index.size());
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
