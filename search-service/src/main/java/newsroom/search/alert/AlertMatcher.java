package newsroom.search.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import newsroom.events.EnrichedArticle;
import newsroom.search.index.IndexDocument;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Matches a batch of enriched articles against every alert and publishes the new matches,
 * inside the Kafka transaction the alert listener's container opened. An article matches
 * an alert when its record was written after the alert was created and it fits every
 * filter; the record's timestamp decides, so a redelivered record is judged as it was the
 * first time. Only first indexing counts: the reindex command replays the topic into the
 * index and never comes here.
 */
@Component
class AlertMatcher {

	static final String MATCHES_METRIC = "newsroom.search.alerts.matches";

	static final String PERCOLATION_METRIC = "newsroom.search.alerts.percolation";

	private static final Logger logger = LoggerFactory.getLogger(AlertMatcher.class);

	private final AlertRegistry registry;

	private final AlertMatchStore store;

	private final AlertMatchPublisher publisher;

	private final Clock clock;

	private final Counter published;

	private final Counter repeats;

	private final Timer percolation;

	AlertMatcher(AlertRegistry registry, AlertMatchStore store, AlertMatchPublisher publisher, MeterRegistry meters,
			Clock clock) {
		this.registry = registry;
		this.store = store;
		this.publisher = publisher;
		this.clock = clock;
		this.published = Counter.builder(MATCHES_METRIC)
			.description("Alert matches found, by outcome")
			.tag("outcome", "published")
			.register(meters);
		this.repeats = Counter.builder(MATCHES_METRIC)
			.description("Alert matches found, by outcome")
			.tag("outcome", "repeat")
			.register(meters);
		this.percolation = Timer.builder(PERCOLATION_METRIC)
			.description("Time to match one article against every alert")
			.register(meters);
	}

	/**
	 * Match a batch and publish its new matches in the current transaction.
	 * @param records the batch, in offset order
	 * @param consumer the listener's consumer (its thread), for offsets
	 */
	void match(List<ConsumerRecord<String, EnrichedArticle>> records, Consumer<?, ?> consumer) {
		this.registry.awaitCurrent();
		Percolator percolator = this.registry.percolator();
		if (percolator.size() == 0) {
			return;
		}
		List<MatchCandidate> found = find(records, percolator, this.clock.instant());
		if (found.isEmpty()) {
			return;
		}
		List<MatchCandidate> claimed = this.store.claim(found, (partitions) -> committed(consumer, partitions));
		this.publisher.publish(claimed);
		this.repeats.increment(found.size() - claimed.size());
		Map<Integer, Long> nextOffsets = new HashMap<>();
		claimed.forEach((claim) -> nextOffsets.merge(claim.partition(), claim.offset() + 1, Math::max));
		records.forEach((record) -> nextOffsets.computeIfPresent(record.partition(),
				(partition, offset) -> Math.max(offset, record.offset() + 1)));
		int published = claimed.size();
		if (published > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					AlertMatcher.this.published.increment(published);
					AlertMatcher.this.store.markCommitted(nextOffsets);
				}

			});
		}
		logger.debug("{} matches in a batch of {} records, {} published", found.size(), records.size(), published);
	}

	private List<MatchCandidate> find(List<ConsumerRecord<String, EnrichedArticle>> records, Percolator percolator,
			Instant now) {
		List<MatchCandidate> found = new ArrayList<>();
		for (ConsumerRecord<String, EnrichedArticle> record : records) {
			EnrichedArticle article = record.value();
			// Tombstones and unreadable records (the indexer dead-letters those) and
			// articles the index cannot hold never match.
			if (article == null || article.id() == null || !IndexDocument.isUsableId(article.id())) {
				continue;
			}
			List<Alert> alerts = this.percolation.record(() -> percolator.match(article, record.timestamp()));
			for (Alert alert : alerts) {
				found.add(new MatchCandidate(alert, article, record.partition(), record.offset(), now));
			}
		}
		return found;
	}

	private static Map<TopicPartition, OffsetAndMetadata> committed(Consumer<?, ?> consumer,
			Set<TopicPartition> partitions) {
		return consumer.committed(partitions);
	}

}
