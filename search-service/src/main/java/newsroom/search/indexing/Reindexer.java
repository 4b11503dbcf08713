package newsroom.search.indexing;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import newsroom.events.EnrichedArticle;
import newsroom.events.Topics;
import newsroom.search.config.SearchProperties;
import newsroom.search.index.NewsIndex;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the index from the enriched topic while search keeps answering: a new
 * versioned index from the template, the compacted topic replayed into it from the
 * beginning by a consumer group of its own ({@code read_committed}), then the alias moved
 * to it in one atomic step. The replay first runs to the end of the topic as it was when
 * it started, and after the swap once more to the end as it is then: an article the
 * running service wrote into the old index just before the swap is in the topic by then,
 * so the new index has it too. Replays and live writes of the same article are harmless,
 * because documents carry the article's revision as external version.
 */
@Component
class Reindexer {

	private static final Logger logger = LoggerFactory.getLogger(Reindexer.class);

	private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

	private final NewsIndex index;

	private final ArticleIndexer indexer;

	private final ConsumerFactory<?, ?> consumers;

	private final SearchProperties properties;

	private final String groupId;

	/** Bulk writes wait for Elasticsearch as long as it takes, as live indexing does. */
	private final RetryTemplate retries;

	Reindexer(NewsIndex index, ArticleIndexer indexer, ConsumerFactory<?, ?> consumers, SearchProperties properties) {
		this.index = index;
		this.indexer = indexer;
		this.consumers = consumers;
		this.properties = properties;
		this.retries = retries(properties.indexing());
		Object group = consumers.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG);
		this.groupId = ((group != null) ? group : "newsroom-search") + "-reindex";
	}

	/**
	 * Run a reindex to the end.
	 * @return what was done
	 * @throws IOException when Elasticsearch cannot be reached for the index operations
	 * themselves (bulk writes are retried until they succeed)
	 */
	ReindexReport reindex() throws IOException {
		Instant started = Instant.now();
		List<String> previous = this.index.indicesBehindAlias();
		String target = this.index.nextIndexName();
		logger.info("Reindex: building {} from {} for alias {} (now on {})", target, Topics.ENRICHED,
				this.index.alias(), previous);
		this.index.createForBulkLoad(target);
		Progress progress;
		try (Consumer<String, EnrichedArticle> consumer = consumer(target)) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENRICHED)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
			// With read_committed these are the last stable offsets: records of open
			// transactions are not waited for here, the second pass takes them.
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			progress = new Progress(target, beginning, end, this.properties.reindex().progressInterval());
			replay(consumer, target, end, progress);
			this.index.finishBulkLoad(target);
			long before = previous.isEmpty() ? 0 : this.index.count(this.index.alias());
			long after = this.index.count(target);
			logger.info("Reindex: {} holds {} articles, the alias {} holds {}; moving the alias", target, after,
					this.index.alias(), before);
			this.index.moveAlias(previous, target);
			Map<TopicPartition, Long> endAfterSwap = consumer.endOffsets(partitions);
			progress.extend(endAfterSwap);
			replay(consumer, target, endAfterSwap, progress);
			this.index.finishBulkLoad(target);
		}
		if (this.properties.reindex().deletePrevious()) {
			for (String old : previous) {
				this.index.delete(old);
			}
		}
		ReindexReport report = new ReindexReport(target, previous, progress.records(), progress.written(),
				progress.skipped(), this.index.count(target), Duration.between(started, Instant.now()));
		logger.info(
				"Reindex complete: alias {} now on {} (was {}), {} articles indexed, {} records replayed, "
						+ "{} unusable records skipped, in {} ms{}",
				this.index.alias(), target, previous, report.documents(), report.records(), report.skipped(),
				report.duration().toMillis(), (this.properties.reindex().deletePrevious() || previous.isEmpty()) ? ""
						: "; previous index kept: move the alias back to undo, or delete it");
		return report;
	}

	@SuppressWarnings("unchecked")
	private Consumer<String, EnrichedArticle> consumer(String target) {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(this.properties.reindex().batchSize()));
		overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return (Consumer<String, EnrichedArticle>) this.consumers.createConsumer(this.groupId + "-" + target,
				"search-reindex-" + UUID.randomUUID().toString().substring(0, 8), null, overrides);
	}

	private void replay(Consumer<String, EnrichedArticle> consumer, String target, Map<TopicPartition, Long> end,
			Progress progress) {
		while (!reached(consumer, end)) {
			ConsumerRecords<String, EnrichedArticle> polled = consumer.poll(POLL_TIMEOUT);
			if (polled.isEmpty()) {
				continue;
			}
			List<ConsumerRecord<String, EnrichedArticle>> records = new ArrayList<>(polled.count());
			polled.forEach(records::add);
			// An interruption ends the retries with the last failure.
			ArticleIndexer.BatchOutcome outcome = this.retries.invoke(() -> this.indexer.write(records, target, false));
			for (ArticleIndexer.Failure failure : outcome.failures()) {
				// Live indexing sent these to the dead-letter topic already.
				logger.warn("Reindex: skipped article {} at {}-{}@{}: {}", failure.articleId(),
						failure.record().topic(), failure.record().partition(), failure.record().offset(),
						failure.cause().getMessage());
			}
			consumer.commitSync();
			progress.add(records.size(), outcome.written(), outcome.failures().size(), positions(consumer, end));
		}
	}

	private static RetryTemplate retries(SearchProperties.Indexing settings) {
		RetryTemplate retries = new RetryTemplate(RetryPolicy.builder()
			.predicate(IndexingUnavailableException.class::isInstance)
			.backOff(IndexingBackOff.of(settings))
			.build());
		retries.setRetryListener(new RetryListener() {

			@Override
			public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
				logger.warn("Reindex: Elasticsearch could not take a batch ({}); retry {}",
						state.getLastException().getMessage(), state.getRetryCount());
			}

		});
		return retries;
	}

	private static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((entry) -> consumer.position(entry.getKey()) >= entry.getValue());
	}

	private static Map<TopicPartition, Long> positions(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		Map<TopicPartition, Long> positions = new HashMap<>();
		end.keySet().forEach((partition) -> positions.put(partition, consumer.position(partition)));
		return positions;
	}

	/**
	 * How far the replay is, logged at most once per interval.
	 */
	private static final class Progress {

		private final String target;

		private final Map<TopicPartition, Long> beginning;

		private final Duration interval;

		private final Instant started = Instant.now();

		private Map<TopicPartition, Long> end;

		private Instant lastLogged = Instant.now();

		private long records;

		private long written;

		private long skipped;

		Progress(String target, Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end, Duration interval) {
			this.target = target;
			this.beginning = beginning;
			this.end = end;
			this.interval = interval;
			logger.info("Reindex: {} records to replay into {}", total(), target);
		}

		void extend(Map<TopicPartition, Long> end) {
			this.end = end;
		}

		void add(int records, int written, int skipped, Map<TopicPartition, Long> positions) {
			this.records += records;
			this.written += written;
			this.skipped += skipped;
			Instant now = Instant.now();
			if (Duration.between(this.lastLogged, now).compareTo(this.interval) >= 0
					|| positions.entrySet().stream().allMatch((p) -> p.getValue() >= this.end.get(p.getKey()))) {
				this.lastLogged = now;
				long total = total();
				long done = positions.entrySet()
					.stream()
					.mapToLong((p) -> Math.min(p.getValue(), this.end.get(p.getKey()))
							- this.beginning.getOrDefault(p.getKey(), 0L))
					.sum();
				double seconds = Math.max(0.001, Duration.between(this.started, now).toMillis() / 1000.0);
				logger.info(
						"Reindex progress: {} of {} offsets ({}%), {} records, {} written, {} skipped into {} "
								+ "({} records/s)",
						done, total, (total > 0) ? (100 * done / total) : 100, this.records, this.written, this.skipped,
						this.target, Math.round(this.records / seconds));
			}
		}

		private long total() {
			return this.end.entrySet()
				.stream()
				.mapToLong((e) -> e.getValue() - this.beginning.getOrDefault(e.getKey(), 0L))
				.sum();
		}

		long records() {
			return this.records;
		}

		long written() {
			return this.written;
		}

		long skipped() {
			return this.skipped;
		}

	}

}
