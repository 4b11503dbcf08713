package newsroom.ingest.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts feed polls as {@code newsroom.ingest.feed.polls} tagged
 * {@code outcome=fetched|not-modified|failed}, and handled entries as
 * {@code newsroom.ingest.feed.entries} tagged
 * {@code outcome=published|duplicate|skipped}.
 */
@Component
class FeedMetrics {

	static final String POLLS = "newsroom.ingest.feed.polls";

	static final String ENTRIES = "newsroom.ingest.feed.entries";

	private final Counter fetched;

	private final Counter notModified;

	private final Counter failed;

	private final Counter published;

	private final Counter duplicate;

	private final Counter skipped;

	FeedMetrics(MeterRegistry registry) {
		this.fetched = poll(registry, "fetched");
		this.notModified = poll(registry, "not-modified");
		this.failed = poll(registry, "failed");
		this.published = entry(registry, "published");
		this.duplicate = entry(registry, "duplicate");
		this.skipped = entry(registry, "skipped");
	}

	private static Counter poll(MeterRegistry registry, String outcome) {
		return Counter.builder(POLLS).description("Feed polls, by outcome").tag("outcome", outcome).register(registry);
	}

	private static Counter entry(MeterRegistry registry, String outcome) {
		return Counter.builder(ENTRIES)
			.description("New feed entries handled, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	void fetched() {
		this.fetched.increment();
	}

	void notModified() {
		this.notModified.increment();
	}

	void failed() {
		this.failed.increment();
	}

	void published() {
		this.published.increment();
	}

	void duplicate() {
		this.duplicate.increment();
	}

	void skipped() {
		this.skipped.increment();
	}

}
