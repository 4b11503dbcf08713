package newsroom.search.story;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.micrometer.core.instrument.MeterRegistry;
import newsroom.events.Story;
import newsroom.search.elasticsearch.BulkItemOutcome;
import newsroom.search.elasticsearch.DocumentRejectedException;
import newsroom.search.index.IndexDocument;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of story snapshots into the stories index in one bulk request, document
 * id = story id. A snapshot replaces the stored one only when it is at least as new: its
 * external version orders snapshots by article count, then by {@code lastSeenAt}
 * ({@code external_gte}), so a redelivered or late snapshot never overwrites a newer one,
 * whatever order they come in. Unreadable and refused snapshots go to the dead-letter
 * topic; Elasticsearch being away fails the batch, which is retried without end.
 */
@Component
class StoryWriter {

	static final String METRIC = "newsroom.search.stories";

	/** Seconds of {@code lastSeenAt} take the low 32 bits of a version (until 2106). */
	private static final long MAX_SECONDS = 0xFFFF_FFFFL;

	private static final Logger logger = LoggerFactory.getLogger(StoryWriter.class);

	private static final LogAccessor logAccessor = new LogAccessor(StoryWriter.class);

	private final ElasticsearchClient client;

	private final StoryIndex index;

	private final MeterRegistry registry;

	StoryWriter(ElasticsearchClient client, StoryIndex index, MeterRegistry registry) {
		this.client = client;
		this.index = index;
		this.registry = registry;
	}

	/**
	 * Write a batch. Returns normally only when every snapshot is stored or older than
	 * the stored one, or (for the first unusable record) through a
	 * {@link BatchListenerFailedException} that names it.
	 * @param records the records in offset order
	 * @throws StoriesUnavailableException when Elasticsearch cannot take the batch now
	 */
	void write(List<ConsumerRecord<String, Story>> records) {
		List<Integer> sent = new ArrayList<>();
		List<BulkOperation> operations = new ArrayList<>();
		Rejection rejection = null;
		for (int position = 0; position < records.size(); position++) {
			ConsumerRecord<String, Story> record = records.get(position);
			DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
					SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
			String problem = (unreadable != null) ? null : problemWith(record);
			if (unreadable != null || problem != null) {
				rejection = first(rejection, new Rejection(position, record,
						(unreadable != null) ? unreadable : new DocumentRejectedException(record.key(), problem)));
			}
			else if (record.value() != null || (record.key() != null && IndexDocument.isUsableId(record.key()))) {
				sent.add(position);
				operations.add(operation(record));
			}
		}
		if (!operations.isEmpty()) {
			rejection = first(rejection, check(bulk(operations).items(), sent, records));
		}
		if (rejection != null) {
			count("rejected");
			logger.warn("Story {} at {}-{}@{} goes to the dead-letter topic: {}", rejection.record().key(),
					rejection.record().topic(), rejection.record().partition(), rejection.record().offset(),
					rejection.cause().getMessage());
			throw new BatchListenerFailedException(rejection.cause().getMessage(), rejection.cause(),
					rejection.record());
		}
	}

	/**
	 * The version that orders a story's snapshots: more articles is newer; with as many
	 * articles, a later {@code lastSeenAt} is.
	 * @param story a snapshot
	 * @return its external version, never negative
	 */
	static long version(Story story) {
		long count = Math.max(0, story.articleCount());
		Instant lastSeen = story.lastSeenAt();
		long seconds = (lastSeen != null) ? Math.max(0, Math.min(MAX_SECONDS, lastSeen.getEpochSecond())) : 0;
		return (count << 32) | seconds;
	}

	/** What makes a readable snapshot unusable; {@code null} when it is fine. */
	static String problemWith(ConsumerRecord<String, Story> record) {
		Story story = record.value();
		if (story == null) {
			// A tombstone; one without a usable key names no story and is skipped.
			return null;
		}
		if (story.storyId() == null || !IndexDocument.isUsableId(story.storyId())) {
			return "Story snapshot has no usable storyId";
		}
		if (record.key() != null && !record.key().equals(story.storyId())) {
			return "Story snapshot " + story.storyId() + " arrived under the key " + record.key();
		}
		if (story.articleCount() < 1) {
			return "Story " + story.storyId() + " has an articleCount of " + story.articleCount();
		}
		return null;
	}

	private static BulkOperation operation(ConsumerRecord<String, Story> record) {
		Story story = record.value();
		if (story == null) {
			// A tombstone on the compacted topic: the story is gone.
			return BulkOperation.of((op) -> op.delete((delete) -> delete.id(record.key())));
		}
		return BulkOperation.of((op) -> op.index((index) -> index.id(story.storyId())
			.version(version(story))
			.versionType(VersionType.ExternalGte)
			.document(story)));
	}

	/**
	 * Sort every item of the bulk response; the first refused snapshot is returned.
	 * @throws StoriesUnavailableException when an item says Elasticsearch cannot take
	 * writes now
	 */
	private Rejection check(List<BulkResponseItem> items, List<Integer> positions,
			List<ConsumerRecord<String, Story>> records) {
		Rejection rejection = null;
		for (int i = 0; i < items.size(); i++) {
			BulkResponseItem item = items.get(i);
			switch (BulkItemOutcome.of(item)) {
				case WRITTEN -> count("written");
				case STALE -> {
					count("stale");
					logger.debug("Story {} already stored at this or a newer snapshot", item.id());
				}
				case REJECTED ->
					rejection = first(rejection, new Rejection(positions.get(i), records.get(positions.get(i)),
							new DocumentRejectedException(item.id(), BulkItemOutcome.describe(item.error()))));
				case UNAVAILABLE ->
					throw new StoriesUnavailableException("Elasticsearch refused part of a bulk request of stories: "
							+ item.status() + " " + BulkItemOutcome.describe(item.error()), null);
			}
		}
		return rejection;
	}

	private BulkResponse bulk(List<BulkOperation> operations) {
		try {
			return this.client.bulk((bulk) -> bulk.index(this.index.name()).operations(operations));
		}
		catch (IOException | ElasticsearchException ex) {
			logger.warn("Bulk request of {} stories failed ({}); the batch will be retried", operations.size(),
					ex.getMessage());
			throw new StoriesUnavailableException("Bulk request of stories failed: " + ex.getMessage(), ex);
		}
	}

	private void count(String outcome) {
		this.registry.counter(METRIC, "outcome", outcome).increment();
	}

	private static Rejection first(Rejection current, Rejection candidate) {
		if (current == null) {
			return candidate;
		}
		return (candidate != null && candidate.position() < current.position()) ? candidate : current;
	}

	/**
	 * A record that goes to the dead-letter topic.
	 *
	 * @param position its place in the batch: the first one is reported
	 * @param record the record
	 * @param cause why it cannot be stored
	 */
	private record Rejection(int position, ConsumerRecord<String, Story> record, Exception cause) {
	}

}
