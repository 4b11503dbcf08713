package newsroom.enrich.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import newsroom.enrich.analysis.Enricher;
import newsroom.events.EnrichedArticle;
import newsroom.events.Enrichment;
import newsroom.events.RawArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The transform-and-produce step for one raw article: enrich it and publish the result.
 * Runs inside the listener container's Kafka transaction; any exception rolls it back and
 * goes to the after-rollback processor, never swallowed here.
 */
@Component
class RawArticleProcessor {

	private static final Logger log = LoggerFactory.getLogger(RawArticleProcessor.class);

	private final Enricher enricher;

	private final EnrichedArticlePublisher publisher;

	private final EnrichMetrics metrics;

	private final Clock clock;

	RawArticleProcessor(Enricher enricher, EnrichedArticlePublisher publisher, EnrichMetrics metrics, Clock clock) {
		this.enricher = enricher;
		this.publisher = publisher;
		this.metrics = metrics;
		this.clock = clock;
	}

	void process(RawArticle raw) {
		Enrichment enrichment = this.enricher.enrich(raw.title(), raw.text(), raw.language());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		EnrichedArticle enriched = EnrichedArticle.of(raw, enrichment, now, null);
		// No wait for the broker's ack: the transaction commit fails, and rolls back, if
		// any send in it failed.
		this.metrics.timePublish(() -> this.publisher.publish(enriched));
		this.metrics.enriched();
		log.debug("Enriched article {} (language {}, {} words)", raw.id(), enrichment.language(),
				enrichment.wordCount());
	}

}
