package newsroom.search.indexing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import newsroom.events.EnrichedArticle;
import newsroom.search.index.IndexDocument;
import newsroom.search.index.NewsIndex;

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

	/** Elasticsearch refuses longer document ids, failing the whole bulk request. */
	private static final int MAX_ID_BYTES = 512;

	private static final Logger logger = LoggerFactory.getLogger(ArticleIndexer.class);

	private static final LogAccessor logAccessor = new LogAccessor(ArticleIndexer.class);

	private final ElasticsearchClient client;

	private final NewsIndex index;

	private final Counter indexed;

	private final Counter deleted;

	private final Counter stale;

	private final Counter rejected;

	private final Counter unavailable;

	ArticleIndexer(ElasticsearchClient client, NewsIndex index, MeterRegistry registry) {
		this.client = client;
		this.index = index;
		this.indexed = counter(registry, "indexed");
		this.deleted = counter(registry, "deleted");
		this.stale = counter(registry, "stale");
		this.rejected = counter(registry, "rejected");
		this.unavailable = Counter.builder(UNAVAILABLE_METRIC)
			.description("Batches that Elasticsearch could not take and that are retried")
			.register(registry);
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder(METRIC)
			.description("Enriched-article records handled by the indexer, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	/**
	 * Index a batch. Returns normally only when every record is in the index, stale, or
	 * (for the first unusable record) reported through a
	 * {@link BatchListenerFailedException}.
	 * @param records the records in offset order
	 */
	void index(List<ConsumerRecord<String, EnrichedArticle>> records) {
		List<Write> writes = new ArrayList<>(records.size());
		Failure failure = null;
		for (int position = 0; position < records.size(); position++) {
			ConsumerRecord<String, EnrichedArticle> record = records.get(position);
			DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
					SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
			if (unreadable != null) {
				failure = Failure.first(failure, position, record, unreadable);
				continue;
			}
			EnrichedArticle article = record.value();
			if (article == null) {
				if (record.key() != null && isUsableId(record.key())) {
					// A tombstone on the compacted topic: the article is gone, and a
					// replay
					// would not bring it back either.
					writes.add(Write.delete(position, record));
				}
				continue;
			}
			String problem = problemWith(article);
			if (problem != null) {
				failure = Failure.first(failure, position, record,
						new DocumentRejectedException(article.id(), problem));
				continue;
			}
			writes.add(Write.index(position, record, IndexDocument.from(article)));
		}
		if (!writes.isEmpty()) {
			failure = write(writes, failure);
		}
		if (failure != null) {
			this.rejected.increment();
			String id = (failure.cause() instanceof DocumentRejectedException rejection) ? rejection.articleId()
					: failure.record().key();
			logger.warn("Article {} at {}-{}@{} goes to the dead-letter topic: {}", id, failure.record().topic(),
					failure.record().partition(), failure.record().offset(), failure.cause().getMessage());
			throw new BatchListenerFailedException(failure.cause().getMessage(), failure.cause(), failure.record());
		}
	}

	private Failure write(List<Write> writes, Failure failureSoFar) {
		BulkResponse response = bulk(writes);
		Failure failure = failureSoFar;
		boolean mustRetry = false;
		String unavailableReason = null;
		List<BulkResponseItem> items = response.items();
		for (int i = 0; i < items.size(); i++) {
			BulkResponseItem item = items.get(i);
			Write write = writes.get(i);
			switch (BulkItemOutcome.of(item)) {
				case WRITTEN -> {
					(write.document() != null ? this.indexed : this.deleted).increment();
					logger.debug("Indexed article {} revision {}", item.id(), item.version());
				}
				case STALE -> {
					this.stale.increment();
					logger.debug("Article {} already indexed at this or a newer revision", item.id());
				}
				case REJECTED -> failure = Failure.first(failure, write.position(), write.record(),
						new DocumentRejectedException(item.id(), describe(item.error())));
				case UNAVAILABLE -> {
					mustRetry = true;
					unavailableReason = item.status() + " " + describe(item.error());
				}
			}
		}
		if (mustRetry) {
			this.unavailable.increment();
			logger.warn("Elasticsearch could not take a batch of {} records ({}); the batch will be retried",
					writes.size(), unavailableReason);
			throw new IndexingUnavailableException(
					"Elasticsearch refused part of a bulk request: " + unavailableReason);
		}
		return failure;
	}

	private BulkResponse bulk(List<Write> writes) {
		List<BulkOperation> operations = writes.stream().map(Write::operation).toList();
		BulkRequest request = BulkRequest.of((bulk) -> bulk.index(this.index.alias())
			// Never let a write auto-create a concrete index (with dynamic mappings)
			// named
			// like the alias.
			.requireAlias(true)
			.operations(operations));
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
		if (!isUsableId(article.id())) {
			return "Article id is longer than " + MAX_ID_BYTES + " bytes";
		}
		if (article.revision() < 0) {
			return "Article " + article.id() + " has a negative revision " + article.revision();
		}
		return null;
	}

	private static boolean isUsableId(String id) {
		return !id.isBlank() && id.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES;
	}

	static String describe(ErrorCause error) {
		if (error == null) {
			return "unknown error";
		}
		StringBuilder description = new StringBuilder().append(error.type()).append(": ").append(error.reason());
		ErrorCause cause = error.causedBy();
		if (cause != null) {
			description.append(" (caused by ").append(cause.type()).append(": ").append(cause.reason()).append(')');
		}
		return description.toString();
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
	 * The unusable record that comes first in the batch (across partitions, in the order
	 * the batch was delivered): the error handler commits the records before it,
	 * dead-letters it and redelivers the rest.
	 */
	private record Failure(int position, ConsumerRecord<String, EnrichedArticle> record, Exception cause) {

		static Failure first(Failure current, int position, ConsumerRecord<String, EnrichedArticle> record,
				Exception cause) {
			if (current == null || position < current.position()) {
				return new Failure(position, record, cause);
			}
			return current;
		}

	}

}
