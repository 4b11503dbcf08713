package newsroom.enrich.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import newsroom.enrich.analysis.Analysis;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.duplicate.DuplicateIndex;
import newsroom.events.EnrichedArticle;
import newsroom.events.Enrichment;
import newsroom.events.RawArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transform-and-produce step for one raw article: enrich it, look for an earlier
 * near-duplicate, and publish the enriched record and the article's fingerprint. Runs
 * inside the listener container's Kafka transaction; any exception rolls it back and goes
 * to the after-rollback processor, never swallowed here.
 */
@Component
class RawArticleProcessor {

	private static final Logger log = LoggerFactory.getLogger(RawArticleProcessor.class);

	private final Enricher enricher;

	private final EnrichedArticlePublisher publisher;

	private final FingerprintPublisher fingerprints;

	private final DuplicateIndex duplicates;

	private final EnrichMetrics metrics;

	private final Clock clock;

	RawArticleProcessor(Enricher enricher, EnrichedArticlePublisher publisher, FingerprintPublisher fingerprints,
			DuplicateIndex duplicates, EnrichMetrics metrics, Clock clock) {
		this.enricher = enricher;
		this.publisher = publisher;
		this.fingerprints = fingerprints;
		this.duplicates = duplicates;
		this.metrics = metrics;
		this.clock = clock;
	}

	void process(RawArticle raw) {
		Analysis analysis = this.enricher.analyse(raw.title(), raw.text(), raw.language());
		Enrichment enrichment = analysis.enrichment();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String duplicateOf = this.metrics
			.timeDuplicates(() -> this.duplicates.earlierDuplicate(raw.id(), analysis.fingerprint()).orElse(null));
		Instant firstSeen = this.duplicates.firstSeen(raw.id()).orElse(now);
		EnrichedArticle enriched = EnrichedArticle.of(raw, enrichment, now, duplicateOf);
		Fingerprint fingerprint = Fingerprint.of(raw.id(), analysis.fingerprint(), firstSeen);
		// No wait for the broker's ack: the transaction commit fails, and rolls back, if
		// any send in it failed. Both records commit together with the raw offset.
		this.metrics.timePublish(() -> {
			this.publisher.publish(enriched);
			return this.fingerprints.publish(fingerprint);
		});
		afterCommit(() -> this.duplicates.add(raw.id(), analysis.fingerprint(), firstSeen));
		this.metrics.enriched();
		log.debug("Enriched article {} (language {}, {} words, duplicate of {})", raw.id(), enrichment.language(),
				enrichment.wordCount(), duplicateOf);
	}

	/**
	 * A rolled-back article must not count as seen: it is enriched again from the same
	 * offset, and must not then find itself.
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

}
