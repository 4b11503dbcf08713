package newsroom.ingest.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import newsroom.ingest.config.IngestProperties;
import newsroom.ingest.config.IngestProperties.FeedSettings;
import newsroom.ingest.fetch.FetchFailedException;
import newsroom.ingest.fetch.FetchedResponse;
import newsroom.ingest.fetch.ForbiddenTargetException;
import newsroom.ingest.fetch.PageFetcher;
import newsroom.ingest.publish.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Polls one feed: a conditional GET through the SSRF guard, the feed read, each new entry
 * published once by {@link EntryPublisher} (oldest first, at most
 * {@code newsroom.ingest.feed.max-entries-per-poll}) and remembered on
 * {@link FeedTopics#SEEN_ENTRIES}, then the feed's state stored and its next poll set: a
 * failed poll is retried after a back-off that doubles up to
 * {@code newsroom.ingest.feed.max-backoff}. {@link FeedScheduler} decides when.
 */
@Component
class FeedPoller {

	private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

	private final FeedRegistry registry;

	private final FeedStore store;

	private final FeedParser parser;

	private final PageFetcher fetcher;

	private final EntryPublisher entries;

	private final FeedMetrics metrics;

	private final FeedSettings settings;

	private final Clock clock;

	FeedPoller(FeedRegistry registry, FeedStore store, FeedParser parser, PageFetcher fetcher, EntryPublisher entries,
			FeedMetrics metrics, IngestProperties properties, Clock clock) {
		this.registry = registry;
		this.store = store;
		this.parser = parser;
		this.fetcher = fetcher;
		this.entries = entries;
		this.metrics = metrics;
		this.settings = properties.feed();
		this.clock = clock;
	}

	/**
	 * Polls one feed now, waiting for a poll already running.
	 * @param feedId the feed
	 * @return its state afterwards, empty when it is not registered
	 */
	Optional<StoredFeed> pollNow(String feedId) {
		Optional<TrackedFeed> feed = this.registry.find(feedId);
		feed.ifPresent(this::poll);
		return feed.filter((tracked) -> !tracked.removed()).map(TrackedFeed::state);
	}

	/**
	 * Polls a feed unless it was deleted meanwhile, stores its state and sets its next
	 * poll.
	 * @param feed the feed
	 */
	void poll(TrackedFeed feed) {
		feed.lock().lock();
		try {
			if (feed.removed()) {
				return;
			}
			PollResult result = fetchAndPublish(feed);
			Instant now = this.clock.instant();
			StoredFeed after = feed.state().polled(now, result);
			try {
				this.store.saveFeed(after);
			}
			catch (PublishFailedException ex) {
				log.warn("Could not store the state of feed {}: {}", feed.id(), ex.getMessage());
			}
			feed.state(after);
			Duration interval = after.pollInterval();
			feed.nextPollAt(
					now.plus((after.failures() == 0) ? interval : backoff(interval, after.failures(), maxBackoff())));
		}
		finally {
			feed.lock().unlock();
		}
	}

	private Duration maxBackoff() {
		return this.settings.maxBackoff();
	}

	/**
	 * The wait after failed polls in a row: the interval doubled per failure, at most the
	 * longest back-off (also when the interval itself is longer).
	 * @param interval the feed's poll interval
	 * @param failures polls failed in a row, at least one
	 * @param max the longest wait
	 * @return the wait before the next poll
	 */
	static Duration backoff(Duration interval, int failures, Duration max) {
		ExponentialBackOff doubling = new ExponentialBackOff(interval.multipliedBy(2).toMillis(), 2.0);
		doubling.setMaxInterval(max.toMillis());
		BackOffExecution execution = doubling.start();
		long wait = execution.nextBackOff();
		// Once at the cap every further failure waits the same.
		for (int i = 1; i < failures && wait < max.toMillis(); i++) {
			wait = execution.nextBackOff();
		}
		return Duration.ofMillis(wait);
	}

	private PollResult fetchAndPublish(TrackedFeed feed) {
		StoredFeed state = feed.state();
		FetchedResponse response;
		List<FeedEntry> parsed;
		try {
			response = this.fetcher.fetchFeed(URI.create(state.url()), Optional.ofNullable(state.etag()),
					Optional.ofNullable(state.lastModified()));
			if (response.notModified()) {
				this.metrics.notModified();
				return PollResult.notModified();
			}
			parsed = this.parser.parse(response.body(), response.charset(), response.url());
		}
		catch (ForbiddenTargetException | FetchFailedException ex) {
			this.metrics.failed();
			log.info("Polling feed {} failed: {}", feed.id(), ex.getMessage());
			return PollResult.failed(ex.getMessage());
		}
		catch (FeedParseException ex) {
			this.metrics.failed();
			log.info("Feed {} could not be read: {}", feed.id(), ex.getMessage());
			return PollResult.failed(ex.getMessage());
		}
		this.metrics.fetched();
		return publishNew(feed, parsed, response);
	}

	/**
	 * Publishes the entries not seen before, oldest first, up to the per-poll limit.
	 * Validators are kept only when every new entry was handled; otherwise the next poll
	 * must fetch the body again to reach the rest.
	 */
	private PollResult publishNew(TrackedFeed feed, List<FeedEntry> parsed, FetchedResponse response) {
		// Feeds list the newest first: publish the oldest first.
		List<FeedEntry> fresh = new ArrayList<>();
		for (int i = parsed.size() - 1; i >= 0; i--) {
			if (!feed.seen().contains(SeenEntry.key(feed.id(), parsed.get(i).key()))) {
				fresh.add(parsed.get(i));
			}
		}
		boolean complete = fresh.size() <= this.settings.maxEntriesPerPoll();
		int published = 0;
		int skipped = 0;
		for (FeedEntry entry : fresh.subList(0, Math.min(fresh.size(), this.settings.maxEntriesPerPoll()))) {
			try {
				EntryOutcome outcome = this.entries.publish(feed.state(), entry);
				published += (outcome instanceof EntryOutcome.Published) ? 1 : 0;
				skipped += (outcome instanceof EntryOutcome.Skipped) ? 1 : 0;
				markSeen(feed, entry, outcome);
			}
			catch (PublishFailedException ex) {
				// The broker is unavailable: the rest waits for the next poll (after a
				// back-off), and an entry published but not yet remembered is answered as
				// a duplicate then.
				this.metrics.failed();
				return PollResult.failed("Publishing an entry failed: " + ex.getMessage(), published, skipped);
			}
		}
		return new PollResult(FeedStatus.OK, null, published, skipped, complete ? response.etag() : Optional.empty(),
				complete ? response.lastModified() : Optional.empty());
	}

	private void markSeen(TrackedFeed feed, FeedEntry entry, EntryOutcome outcome) {
		String key = SeenEntry.key(feed.id(), entry.key());
		this.store.markSeen(key,
				new SeenEntry(feed.id(), entry.key(), outcome.publishedId().orElse(null), this.clock.instant()));
		feed.seen().add(key);
	}

}
