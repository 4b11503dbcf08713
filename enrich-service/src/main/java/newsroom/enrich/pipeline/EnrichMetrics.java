package newsroom.enrich.pipeline;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The service's own meters: {@code newsroom.enrich.articles} counts articles by outcome,
 * once their Kafka transaction committed; {@code newsroom.enrich.stage} times each stage.
 */
@Component
public class EnrichMetrics {

	static final String ARTICLES = "newsroom.enrich.articles";

	static final String STAGE = "newsroom.enrich.stage";

	private final MeterRegistry registry;

	private final Counter enriched;

	private final Counter deadLettered;

	private final Timer publish;

	private final Timer duplicates;

	private final Timer stories;

	EnrichMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.enriched = articles("enriched");
		this.deadLettered = articles("dead-lettered");
		this.publish = stageTimer("publish");
		this.duplicates = stageTimer("duplicates");
		this.stories = stageTimer("stories");
	}

	/**
	 * Time a stage.
	 * @param stage the stage name
	 * @return the timer, tagged with the stage
	 */
	public Timer stageTimer(String stage) {
		return Timer.builder(STAGE)
			.description("Time spent in one stage of enriching an article")
			.tag("stage", stage)
			.register(this.registry);
	}

	<T> T timePublish(Supplier<T> publishing) {
		return this.publish.record(publishing);
	}

	<T> T timeDuplicates(Supplier<T> lookup) {
		return this.duplicates.record(lookup);
	}

	<T> T timeStories(Supplier<T> assignment) {
		return this.stories.record(assignment);
	}

	void enriched() {
		afterCommit(this.enriched);
	}

	void deadLettered() {
		afterCommit(this.deadLettered);
	}

	private Counter articles(String outcome) {
		return Counter.builder(ARTICLES)
			.description("Raw articles handled, by outcome, counted when their transaction committed")
			.tag("outcome", outcome)
			.register(this.registry);
	}

	/**
	 * A rolled-back transaction is retried, so counting before the commit would count the
	 * same article twice.
	 */
	private static void afterCommit(Counter counter) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					counter.increment();
				}

			});
		}
		else {
			counter.increment();
		}
	}

}
