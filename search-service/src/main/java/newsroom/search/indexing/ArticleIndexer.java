package newsroom.search.indexing;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import newsroom.events.EnrichedArticle;
import newsroom.search.elasticsearch.BulkItemOutcome;
import newsroom.search.elasticsearch.DocumentRejectedException;
import newsroom.search.index.IndexDocument;
import newsroom.search.index.NewsIndex;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of enriched-article records to the index in one bulk request, with the
 * article id as document id and its revision as external version, so replays and
 * out-of-order revisions never overwrite a newer article. Every bulk item is checked:
 * stale revisions are skipped, rejected documents and unreadable records are handed to
 * the error handler for the dead-letter topic, and anything that says Elasticsearch is
 * unavailable fails the whole batch so that it is retried and its offsets stay
 * uncommitted.
 */
@Component
class ArticleIndexer {

	static final String METRIC = "newsroom.search.indexed";

	static final String UNAVAILABLE_METRIC = "newsroom.search.indexing.unavailable";

	static final String LATENCY_METRIC = "newsroom.pipeline.latency";

	private static final Logger logger = LoggerFactory.getLogger(ArticleIndexer.class);

	private static final LogAccessor logAccessor = new LogAccessor(ArticleIndexer.class);

	private final ElasticsearchClient client;

	private final NewsIndex index;

	private final Counter indexed;

	private final Counter deleted;

	private final Counter stale;

	private final Counter rejected;

	private final Counter unavailable;

	private final Timer latency;

	private final Clock clock;

	ArticleIndexer(ElasticsearchClient client, NewsIndex index, MeterRegistry registry, Clock clock) {
		this.client = client;
		this.index = index;
		this.clock = clock;
		this.indexed = counter(registry, "indexed");
		this.deleted = counter(registry, "deleted");
		this.stale = counter(registry, "stale");
		this.rejected = counter(registry, "rejected");
		this.unavailable = Counter.builder(UNAVAILABLE_METRIC)
			.description("Batches that Elasticsearch could not take and that are retried")
			.register(registry);
		this.latency = Timer.builder(LATENCY_METRIC)
			.description("From ingest (the article's ingestedAt) until the article is in the index")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(50))
			.maximumExpectedValue(Duration.ofHours(1))
			.register(registry);
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder(METRIC)
			.description("Enriched-article records handled by the indexer, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	/**
	 * Index a batch through the alias. Returns normally only when every record is in the
	 * index, stale, or (for the first unusable record) reported through a
	 * {@link BatchListenerFailedException}.
	 * @param records the records in offset order
	 */
	void index(List<ConsumerRecord<String, EnrichedArticle>> records) {
		BatchOutcome outcome = write(records, this.index.alias(), true);
		if (!outcome.failures().isEmpty()) {
			Failure failure = outcome.failures().get(0);
			this.rejected.increment();
			logger.warn("Article {} at {}-{}@{} goes to the dead-letter topic: {}", failure.articleId(),
					failure.record().topic(), failure.record().partition(), failure.record().offset(),
					failure.cause().getMessage());
			throw new BatchListenerFailedException(failure.cause().getMessage(), failure.cause(), failure.record());
		}
	}

	/**
	 * Write a batch into the given index or alias in one bulk request.
	 * @param records the records in offset order
	 * @param target the alias, or a concrete index (a reindex)
	 * @param requireAlias whether {@code target} must be an alias: a live write never
	 * auto-creates an index named like the alias
	 * @return what became of the records; unusable ones are listed, first first
	 * @throws IndexingUnavailableException when Elasticsearch cannot take the batch now
	 */
	BatchOutcome write(List<ConsumerRecord<String, EnrichedArticle>> records, String target, boolean requireAlias) {
		List<Write> writes = new ArrayList<>(records.size());
		List<Failure> failures = new ArrayList<>();
		for (int position = 0; position < records.size(); position++) {
			prepare(position, records.get(position), writes, failures);
		}
		Written written = writes.isEmpty() ? new Written(0, 0)
				: check(bulk(writes, target, requireAlias).items(), writes, requireAlias, failures);
		failures.sort(Comparator.comparingInt(Failure::position));
		return new BatchOutcome(written.written(), written.stale(), failures);
	}

	/**
	 * Turn a record into a bulk operation, or into a failure when it cannot be indexed.
	 */
	private static void prepare(int position, ConsumerRecord<String, EnrichedArticle> record, List<Write> writes,
			List<Failure> failures) {
		DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
		if (unreadable != null) {
			failures.add(new Failure(position, record, unreadable));
			return;
		}
		EnrichedArticle article = record.value();
		if (article == null) {
			if (record.key() != null && IndexDocument.isUsableId(record.key())) {
				// A tombstone on the compacted topic: the article is gone, and a replay
				// would not bring it back either.
				writes.add(Write.delete(position, record));
			}
			return;
		}
		String problem = problemWith(article);
		if (problem != null) {
			failures.add(new Failure(position, record, new DocumentRejectedException(article.id(), problem)));
			return;
		}
		writes.add(Write.index(position, record, IndexDocument.from(article)));
	}

	/**
	 * Sort every item of a bulk response; HTTP 200 on the bulk call says nothing about
	 * them.
	 * @throws IndexingUnavailableException when an item says Elasticsearch cannot take
	 * writes now
	 */
	private Written check(List<BulkResponseItem> items, List<Write> writes, boolean live, List<Failure> failures) {
		int written = 0;
		int stale = 0;
		String unavailableReason = null;
		for (int i = 0; i < items.size(); i++) {
			BulkResponseItem item = items.get(i);
			Write write = writes.get(i);
			switch (BulkItemOutcome.of(item)) {
				case WRITTEN -> {
					written++;
					(write.document() != null ? this.indexed : this.deleted).increment();
					if (live && write.record().value() != null) {
						// Live indexing only: a reindex replays articles ingested long
						// ago.
						recordLatency(write.record().value());
					}
					logger.debug("Indexed article {} revision {}", item.id(), item.version());
				}
				case STALE -> {
					stale++;
					this.stale.increment();
					logger.debug("Article {} already indexed at this or a newer revision", item.id());
				}
				case REJECTED -> failures.add(new Failure(write.position(), write.record(),
						new DocumentRejectedException(item.id(), BulkItemOutcome.describe(item.error()))));
				case UNAVAILABLE -> unavailableReason = item.status() + " " + BulkItemOutcome.describe(item.error());
			}
		}
		if (unavailableReason != null) {
			this.unavailable.increment();
			logger.warn("Elasticsearch could not take a batch of {} records ({}); the batch will be retried",
					writes.size(), unavailableReason);
			throw new IndexingUnavailableException(
					"Elasticsearch refused part of a bulk request: " + unavailableReason);
		}
		return new Written(written, stale);
	}

	private void recordLatency(EnrichedArticle article) {
		if (article.ingestedAt() != null) {
			Duration latency = Duration.between(article.ingestedAt(), this.clock.instant());
			if (!latency.isNegative()) {
				this.latency.record(latency);
			}
		}
	}

	private BulkResponse bulk(List<Write> writes, String target, boolean requireAlias) {
		List<BulkOperation> operations = writes.stream().map(Write::operation).toList();
		BulkRequest request = BulkRequest
			.of((bulk) -> bulk.index(target).requireAlias(requireAlias).operations(operations));
		try {
			return this.client.bulk(request);
		}
		catch (IOException | ElasticsearchException ex) {
			this.unavailable.increment();
			logger.warn("Bulk request of {} records failed ({}); the batch will be retried", writes.size(),
					ex.getMessage());
			throw new IndexingUnavailableException("Bulk request failed: " + ex.getMessage(), ex);
		}
	}

	static String problemWith(EnrichedArticle article) {
		if (article.id() == null || article.id().isBlank()) {
			return "Article has no id";
		}
		if (!IndexDocument.isUsableId(article.id())) {
			return "Article id is longer than " + IndexDocument.MAX_ID_BYTES + " bytes";
		}
		if (article.revision() < 0) {
			return "Article " + article.id() + " has a negative revision " + article.revision();
		}
		if (!IndexDocument.isUsableId(IndexDocument.storyOf(article))) {
			return "Article " + article.id() + " has a storyId longer than " + IndexDocument.MAX_ID_BYTES + " bytes";
		}
		return null;
	}

	private record Write(int position, ConsumerRecord<String, EnrichedArticle> record, IndexDocument document) {

		static Write index(int position, ConsumerRecord<String, EnrichedArticle> record, IndexDocument document) {
			return new Write(position, record, document);
		}

		static Write delete(int position, ConsumerRecord<String, EnrichedArticle> record) {
			return new Write(position, record, null);
		}

		BulkOperation operation() {
			if (this.document == null) {
				return BulkOperation.of((op) -> op.delete((delete) -> delete.id(this.record.key())));
			}
			return BulkOperation.of((op) -> op.index((index) -> index.id(this.document.id())
				.version(this.document.revision())
				.versionType(VersionType.External)
				.document(this.document)));
		}

	}

	/**
	 * Bulk items that Elasticsearch carried out.
	 *
	 * @param written records indexed or deleted
	 * @param stale records whose revision was already indexed
	 */
	private record Written(int written, int stale) {
	}

	/**
	 * What one bulk write did.
	 *
	 * @param written records indexed or deleted
	 * @param stale records whose revision was already indexed
	 * @param failures unusable records in batch order: the first is the one the error
	 * handler dead-letters (it commits the records before it and redelivers the rest)
	 */
	record BatchOutcome(int written, int stale, List<Failure> failures) {

		BatchOutcome {
			failures = List.copyOf(failures);
		}

	}

	/**
	 * An unusable record: unreadable, invalid, or refused by Elasticsearch.
	 *
	 * @param position its place in the batch
	 * @param record the record
	 * @param cause why it cannot be indexed
	 */
	record Failure(int position, ConsumerRecord<String, EnrichedArticle> record, Exception cause) {

		String articleId() {
			return (this.cause instanceof DocumentRejectedException rejection && rejection.documentId() != null)
					? rejection.documentId() : this.record.key();
		}

	}

}
