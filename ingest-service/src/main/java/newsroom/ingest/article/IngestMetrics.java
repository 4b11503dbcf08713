package newsroom.ingest.article;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import newsroom.events.Origin;

import org.springframework.stereotype.Component;

/**
 * Counts article decisions as {@code newsroom.ingest.articles} tagged
 * {@code outcome=accepted|duplicate|rejected} and {@code origin=api|batch|fetch|feed}.
 * Requests refused before an article could be read (401, 413, 415, malformed JSON) show
 * in {@code http.server.requests} instead.
 */
@Component
public class IngestMetrics {

	static final String ARTICLES = "newsroom.ingest.articles";

	private final MeterRegistry registry;

	IngestMetrics(MeterRegistry registry) {
		this.registry = registry;
		// Registered up front so dashboards see zeros rather than missing series.
		for (Origin origin : Origin.values()) {
			for (Outcome outcome : Outcome.values()) {
				counter(outcome, origin);
			}
		}
	}

	void accepted(Origin origin) {
		counter(Outcome.ACCEPTED, origin).increment();
	}

	void duplicate(Origin origin) {
		counter(Outcome.DUPLICATE, origin).increment();
	}

	void rejected(Origin origin) {
		counter(Outcome.REJECTED, origin).increment();
	}

	private Counter counter(Outcome outcome, Origin origin) {
		return Counter.builder(ARTICLES)
			.description("Articles submitted to ingest-service, by outcome and origin")
			.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
			.tag("origin", origin.jsonValue())
			.register(this.registry);
	}

	private enum Outcome {

		ACCEPTED, DUPLICATE, REJECTED

	}

}
