package newsroom.enrich.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.duplicate.DuplicateIndex;
import newsroom.enrich.story.ArticleProfile;
import newsroom.enrich.story.ArticleProfiler;
import newsroom.enrich.story.Assignment;
import newsroom.enrich.story.StoryIndex;
import newsroom.events.EnrichedArticle;
import newsroom.events.Enrichment;
import newsroom.events.RawArticle;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transform-and-produce step for one poll's batch of raw records, inside the listener
 * container's Kafka transaction: each record is enriched, checked for an earlier
 * near-duplicate and assigned to a story (also among the batch's earlier records), and
 * its enriched record, its fingerprint and, when it joined a story, the story's snapshot
 * are sent; a record that cannot be read, breaks the schema, or was given up after
 * retries is dead-lettered instead. All of it commits together with the batch's offsets,
 * so each raw record yields exactly one enriched record or one dead letter, and a story
 * counts an article once.
 *
 * <p>
 * A record that fails to enrich or to publish is named in a
 * {@link BatchListenerFailedException}: the transaction rolls back and the
 * {@link BatchAfterRollbackProcessor} retries the batch, then gives that record up. A
 * failure that names no record (the broker unavailable) rolls back and is retried as a
 * whole. Nothing is swallowed here.
 */
@Component
class RawArticleProcessor {

	private static final Logger log = LoggerFactory.getLogger(RawArticleProcessor.class);

	private static final LogAccessor logAccessor = new LogAccessor(RawArticleProcessor.class);

	private final Enricher enricher;

	private final EnrichedArticlePublisher publisher;

	private final FingerprintPublisher fingerprints;

	private final DuplicateIndex duplicates;

	private final StoryPublisher storyPublisher;

	private final ArticleProfiler profiler;

	private final StoryIndex stories;

	private final DeadLetterRecoverer deadLetters;

	private final BatchAfterRollbackProcessor retries;

	private final EnrichMetrics metrics;

	private final Clock clock;

	RawArticleProcessor(Enricher enricher, EnrichedArticlePublisher publisher, FingerprintPublisher fingerprints,
			DuplicateIndex duplicates, ArticleProfiler profiler, StoryIndex stories, StoryPublisher storyPublisher,
			DeadLetterRecoverer deadLetters, BatchAfterRollbackProcessor retries, EnrichMetrics metrics, Clock clock) {
		this.enricher = enricher;
		this.publisher = publisher;
		this.fingerprints = fingerprints;
		this.duplicates = duplicates;
		this.profiler = profiler;
		this.stories = stories;
		this.storyPublisher = storyPublisher;
		this.deadLetters = deadLetters;
		this.retries = retries;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Enrich or dead-letter every record of a batch, in the container's transaction.
	 * @param records the batch, in offset order per partition
	 * @param consumer the container's consumer, for the dead letters' headers
	 * @throws BatchListenerFailedException naming the record that could not be enriched
	 * or published
	 */
	void process(List<ConsumerRecord<String, RawArticle>> records, @Nullable Consumer<?, ?> consumer) {
		Batch batch = new Batch(this.duplicates.staging(), this.stories.staging());
		List<Sent> sent = new ArrayList<>(records.size());
		for (int index = 0; index < records.size(); index++) {
			ConsumerRecord<String, RawArticle> record = records.get(index);
			Exception poison = poison(record);
			if (poison != null) {
				this.deadLetters.accept(record, consumer, poison);
				afterCommit(() -> this.retries.deadLettered(record));
				continue;
			}
			// Every log line written while this article is processed carries its id.
			try (MDC.MDCCloseable articleId = MDC.putCloseable(LogFields.ARTICLE_ID, record.key())) {
				sent.add(process(index, record.value(), batch));
			}
			// A pathological text can overflow a regular expression's stack: that is the
			// record's fault too, not the service's.
			catch (RuntimeException | StackOverflowError ex) {
				throw blame(records, sent, index, ex);
			}
		}
		awaitSends(records, sent);
		// Seen and counted once committed: a rolled-back batch is enriched again, and
		// must neither find itself nor count twice.
		afterCommit(() -> {
			batch.duplicates().commit();
			batch.stories().commit();
			sent.forEach((published) -> this.metrics.enriched());
		});
	}

	/**
	 * Why a record is dead-lettered without being enriched, if it is: given up after
	 * retries, unreadable, or not a raw article ({@link RawArticleDeserializer} let the
	 * {@code ErrorHandlingDeserializer} stash the reason in a header).
	 */
	private @Nullable Exception poison(ConsumerRecord<String, RawArticle> record) {
		Exception givenUp = this.retries.givenUp(record);
		if (givenUp != null) {
			return givenUp;
		}
		Exception unreadable = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
		if (unreadable != null) {
			return unreadable;
		}
		return (record.value() == null) ? new InvalidRawArticleException("record has no value") : null;
	}

	private Sent process(int index, RawArticle raw, Batch batch) {
		Document document = this.enricher.document(raw.title(), raw.text(), raw.language());
		Enrichment enrichment = document.toEnrichment();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String duplicateOf = this.metrics
			.timeDuplicates(() -> batch.duplicates().earlierDuplicate(raw.id(), document.fingerprint()).orElse(null));
		Instant firstSeen = batch.duplicates().firstSeen(raw.id()).orElse(now);
		ArticleProfile profile = this.profiler.profile(document, raw.publishedAt(), raw.source());
		Assignment story = this.metrics
			.timeStories(() -> batch.stories().assign(raw.id(), raw.title(), profile, duplicateOf));
		EnrichedArticle enriched = EnrichedArticle.of(raw, enrichment, now, duplicateOf).withStoryId(story.storyId());
		Fingerprint fingerprint = Fingerprint.of(raw.id(), document.fingerprint(), firstSeen, story.storyId(), profile);
		// No wait for the broker's ack here: awaitSends flushes the whole batch at once.
		Sent sent = this.metrics
			.timePublish(() -> new Sent(index, this.publisher.publish(enriched), this.fingerprints.publish(fingerprint),
					story.snapshot().map((snapshot) -> this.storyPublisher.publish(snapshot, now)).orElse(null)));
		// Later articles of the batch see this one; the index only once the batch
		// commits.
		batch.duplicates().add(raw.id(), document.fingerprint(), firstSeen);
		log.debug("Enriched article {} (language {}, {} words, duplicate of {}, story {} {})", raw.id(),
				enrichment.language(), enrichment.wordCount(), duplicateOf, story.storyId(), story.reason());
		return sent;
	}

	/**
	 * What to throw when processing the record at {@code index} failed. A send can fail
	 * at once because an earlier send of the transaction failed: then the earlier record
	 * is to blame when the fault was its own, and nobody when the broker failed.
	 */
	private static RuntimeException blame(List<ConsumerRecord<String, RawArticle>> records, List<Sent> sent, int index,
			Throwable failure) {
		Optional<Sent> earlier = sent.stream().filter((candidate) -> candidate.failure() != null).findFirst();
		if (earlier.isPresent() && !isRecordsFault(earlier.get().failure())) {
			return (failure instanceof RuntimeException runtime) ? runtime : new IllegalStateException(failure);
		}
		int culprit = earlier.map(Sent::index).orElse(index);
		return new BatchListenerFailedException("Could not enrich article " + records.get(culprit).key(), failure,
				culprit);
	}

	/**
	 * Wait until the broker acknowledged every send of the batch (the commit would wait
	 * for them anyway), and name the record whose send failed through its own fault. Any
	 * other failed send (the broker unavailable, the producer fenced) is left to the
	 * commit, which then fails and has the whole batch retried.
	 */
	private void awaitSends(List<ConsumerRecord<String, RawArticle>> records, List<Sent> sent) {
		if (sent.isEmpty()) {
			return;
		}
		this.publisher.flush();
		for (Sent candidate : sent) {
			Throwable cause = candidate.failure();
			if (cause != null && isRecordsFault(cause)) {
				throw new BatchListenerFailedException("Could not publish the enrichment of article "
						+ records.get(candidate.index()).key() + ": " + cause.getMessage(), cause, candidate.index());
			}
		}
	}

	/** Failures that sending the same record again would meet again. */
	private static boolean isRecordsFault(Throwable failure) {
		return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
				|| failure instanceof InvalidRecordException || failure instanceof SerializationException;
	}

	/**
	 * A rolled-back batch must not count as seen: it is enriched again from the same
	 * offsets, and its articles must not then find themselves.
	 */
	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					action.run();
				}

			});
		}
		else {
			action.run();
		}
	}

	/**
	 * A batch's view of the near-duplicate and story indexes, which get its articles only
	 * once it commits.
	 *
	 * @param duplicates the near-duplicate staging area
	 * @param stories the story staging area
	 */
	private record Batch(DuplicateIndex.Staging duplicates, StoryIndex.Staging stories) {
	}

	/**
	 * The sends made for one raw record.
	 *
	 * @param index the record's place in the batch
	 * @param enriched the enriched record's send
	 * @param fingerprint the fingerprint's send
	 * @param story the story snapshot's send, when the article joined a story
	 */
	private record Sent(int index, CompletableFuture<?> enriched, CompletableFuture<?> fingerprint,
			@Nullable CompletableFuture<?> story) {

		/** Why a send failed, when one has already failed. */
		@Nullable Throwable failure() {
			Throwable failure = failure(this.enriched);
			if (failure == null) {
				failure = failure(this.fingerprint);
			}
			return (failure != null) ? failure : failure(this.story);
		}

		private static @Nullable Throwable failure(@Nullable CompletableFuture<?> send) {
			if (send == null || !send.isCompletedExceptionally()) {
				return null;
			}
			Throwable failure = send.handle((result, ex) -> ex).join();
			// The template wraps the client's exception; the client's says why.
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof KafkaException) {
					return cause;
				}
			}
			return failure;
		}

	}

}
