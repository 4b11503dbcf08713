package newsroom.ingest.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsroom.events.Origin;
import newsroom.ingest.article.ArticleIntake;
import newsroom.ingest.article.ArticleSubmission;
import newsroom.ingest.article.ArticleValidationException;
import newsroom.ingest.article.IngestResult;
import newsroom.ingest.article.IngestStatus;
import newsroom.ingest.config.IngestProperties;
import newsroom.ingest.config.IngestProperties.FeedSettings;
import newsroom.ingest.extract.ExtractedPage;
import newsroom.ingest.extract.HtmlArticleExtractor;
import newsroom.ingest.fetch.FetchFailedException;
import newsroom.ingest.fetch.FetchedResponse;
import newsroom.ingest.fetch.ForbiddenTargetException;
import newsroom.ingest.fetch.PageFetcher;
import newsroom.ingest.publish.ArticleTooLargeException;
import newsroom.ingest.publish.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Polls the registered feeds: restores their state at start-up (before the web server
 * takes requests), then checks every second which feeds are due and polls them on a pool
 * of {@code newsroom.ingest.feed.max-concurrent-polls} threads. A poll is a conditional
 * GET through the SSRF guard; each new entry is published once (its page fetched when the
 * feed carries only a teaser) and remembered on {@link FeedTopics#SEEN_ENTRIES}. A failed
 * poll is retried after a back-off that doubles up to
 * {@code newsroom.ingest.feed.max-backoff}.
 */
@Component
class FeedPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

	private static final int MAX_HEADLINE = 120;

	private static final int SHORT_HEADLINE = 70;

	private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.{20,}?[.!?])(?:\\s|$)");

	private final FeedRegistry registry;

	private final FeedStore store;

	private final FeedParser parser;

	private final PageFetcher fetcher;

	private final HtmlArticleExtractor extractor;

	private final ArticleIntake intake;

	private final FeedMetrics metrics;

	private final FeedSettings settings;

	private final Clock clock;

	private ScheduledExecutorService scheduler;

	private ExecutorService pollers;

	private volatile boolean running;

	FeedPoller(FeedRegistry registry, FeedStore store, FeedParser parser, PageFetcher fetcher,
			HtmlArticleExtractor extractor, ArticleIntake intake, FeedMetrics metrics, IngestProperties properties,
			Clock clock) {
		this.registry = registry;
		this.store = store;
		this.parser = parser;
		this.fetcher = fetcher;
		this.extractor = extractor;
		this.intake = intake;
		this.metrics = metrics;
		this.settings = properties.feed();
		this.clock = clock;
	}

	@Override
	public void start() {
		this.registry.restore();
		if (this.settings.enabled()) {
			this.pollers = Executors.newFixedThreadPool(this.settings.maxConcurrentPolls(),
					new CustomizableThreadFactory("feed-poll-"));
			this.scheduler = Executors
				.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("feed-schedule-"));
			this.scheduler.scheduleWithFixedDelay(this::dispatch, 1, 1, TimeUnit.SECONDS);
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.pollers.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Restores state early (as the duplicate index does), before the web server. */
	@Override
	public int getPhase() {
		return 0;
	}

	private void dispatch() {
		Instant now = this.clock.instant();
		for (TrackedFeed feed : this.registry.all()) {
			if (!feed.nextPollAt().isAfter(now) && feed.scheduled().compareAndSet(false, true)) {
				try {
					this.pollers.execute(() -> {
						try {
							poll(feed);
						}
						catch (RuntimeException ex) {
							log.warn("Polling feed {} failed unexpectedly", feed.id(), ex);
						}
						finally {
							feed.scheduled().set(false);
						}
					});
				}
				catch (RejectedExecutionException ex) {
					feed.scheduled().set(false);
				}
			}
		}
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

	private void poll(TrackedFeed feed) {
		feed.lock().lock();
		try {
			if (feed.removed()) {
				return;
			}
			Outcome outcome = fetchAndPublish(feed);
			StoredFeed before = feed.state();
			Instant now = this.clock.instant();
			Duration interval = Duration.parse(before.pollInterval());
			int failures = outcome.failed() ? before.failures() + 1 : 0;
			StoredFeed after = new StoredFeed(before.id(), before.url(), before.source(), before.pollInterval(),
					before.configured(), before.createdAt(), now.toString(), outcome.status(), outcome.error(),
					before.itemsPublished() + outcome.published(), before.itemsSkipped() + outcome.skipped(),
					outcome.etag().orElse(before.etag()), outcome.lastModified().orElse(before.lastModified()),
					failures);
			try {
				this.store.saveFeed(after);
			}
			catch (PublishFailedException ex) {
				log.warn("Could not store the state of feed {}: {}", feed.id(), ex.getMessage());
			}
			feed.state(after);
			feed.nextPollAt(now.plus(failures == 0 ? interval : backoff(interval, failures)));
		}
		finally {
			feed.lock().unlock();
		}
	}

	private Duration backoff(Duration interval, int failures) {
		Duration wait = interval;
		for (int i = 0; i < failures && wait.compareTo(this.settings.maxBackoff()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.settings.maxBackoff()) > 0) ? this.settings.maxBackoff() : wait;
	}

	private Outcome fetchAndPublish(TrackedFeed feed) {
		StoredFeed state = feed.state();
		URI url = URI.create(state.url());
		FetchedResponse response;
		try {
			response = this.fetcher.fetchFeed(url, Optional.ofNullable(state.etag()),
					Optional.ofNullable(state.lastModified()));
		}
		catch (ForbiddenTargetException | FetchFailedException ex) {
			this.metrics.failed();
			log.info("Polling feed {} failed: {}", feed.id(), ex.getMessage());
			return Outcome.failed(ex.getMessage());
		}
		if (response.notModified()) {
			this.metrics.notModified();
			return new Outcome("not-modified", null, 0, 0, Optional.empty(), Optional.empty());
		}
		List<FeedEntry> entries;
		try {
			entries = this.parser.parse(response.body(), response.charset(), response.url());
		}
		catch (FeedParseException ex) {
			this.metrics.failed();
			log.info("Feed {} could not be read: {}", feed.id(), ex.getMessage());
			return Outcome.failed(ex.getMessage());
		}
		this.metrics.fetched();
		// Feeds list the newest first: publish the oldest first.
		List<FeedEntry> fresh = new ArrayList<>();
		for (int i = entries.size() - 1; i >= 0; i--) {
			if (!feed.seen().contains(seenKey(feed.id(), entries.get(i).key()))) {
				fresh.add(entries.get(i));
			}
		}
		boolean complete = fresh.size() <= this.settings.maxEntriesPerPoll();
		int published = 0;
		int skipped = 0;
		for (FeedEntry entry : fresh.subList(0, Math.min(fresh.size(), this.settings.maxEntriesPerPoll()))) {
			try {
				Optional<String> articleId = publish(feed, entry);
				if (articleId.isPresent() && !articleId.get().isEmpty()) {
					published++;
				}
				else if (articleId.isEmpty()) {
					skipped++;
				}
				String key = seenKey(feed.id(), entry.key());
				this.store.markSeen(key, new SeenEntry(feed.id(), entry.key(),
						articleId.filter((id) -> !id.isEmpty()).orElse(null), this.clock.instant().toString()));
				feed.seen().add(key);
			}
			catch (PublishFailedException ex) {
				// The broker is unavailable: the rest waits for the next poll (after a
				// back-off), and an entry published but not yet remembered is answered as
				// a duplicate then.
				this.metrics.failed();
				return new Outcome("failed", "Publishing an entry failed: " + ex.getMessage(), published, skipped,
						Optional.empty(), Optional.empty());
			}
		}
		// Validators are kept only when every new entry was handled; otherwise the next
		// poll must fetch the body again to reach the rest.
		return new Outcome("ok", null, published, skipped, complete ? response.etag() : Optional.empty(),
				complete ? response.lastModified() : Optional.empty());
	}

	/**
	 * Publishes one entry.
	 * @return the article id when published, an empty id for a duplicate, empty when the
	 * entry was skipped
	 */
	private Optional<String> publish(TrackedFeed feed, FeedEntry entry) {
		Optional<ArticleSubmission> submission = submission(feed.state(), entry);
		if (submission.isEmpty()) {
			this.metrics.skipped();
			log.info("Skipped an entry of feed {} with neither title nor text", feed.id());
			return Optional.empty();
		}
		try {
			IngestResult result = this.intake.submit(submission.get(), Origin.FEED, feed.id());
			if (result.status() == IngestStatus.DUPLICATE) {
				this.metrics.duplicate();
				return Optional.of("");
			}
			this.metrics.published();
			return Optional.of(result.id());
		}
		catch (ArticleValidationException | ArticleTooLargeException ex) {
			this.metrics.skipped();
			log.info("Skipped an entry of feed {}: {}", feed.id(), ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * The article of an entry: the entry's page when the feed carries only a teaser and
	 * the page has more, else the feed's own content.
	 */
	private Optional<ArticleSubmission> submission(StoredFeed feed, FeedEntry entry) {
		String title = entry.title();
		String text = entry.text();
		if (title.isBlank() && text.isBlank()) {
			return Optional.empty();
		}
		String author = entry.author().orElse(null);
		String publishedAt = entry.publishedAt().map(Instant::toString).orElse(null);
		String link = entry.link().orElse(null);
		if (link != null && text.length() < this.settings.teaserLength()) {
			Optional<String> page = page(link, text);
			if (page.isPresent()) {
				return Optional.of(new ArticleSubmission(link, title.isBlank() ? null : title, null, page.get(),
						feed.source(), author, publishedAt, null));
			}
		}
		String headline = title.isBlank() ? headline(text) : title;
		return Optional.of(new ArticleSubmission(link, headline, text.isBlank() ? title : text, null, feed.source(),
				author, publishedAt, null));
	}

	/** The entry's page when it can be fetched and holds more text than the feed. */
	private Optional<String> page(String link, String feedText) {
		try {
			FetchedResponse response = this.fetcher.fetchPage(URI.create(link));
			String html = PageFetcher.decodeHtml(response);
			ExtractedPage extracted = this.extractor.extract(html, response.url().toString());
			return (extracted.text().length() > feedText.length()) ? Optional.of(html) : Optional.empty();
		}
		catch (ForbiddenTargetException | FetchFailedException | IllegalArgumentException ex) {
			log.info("Entry page {} not fetched, publishing the feed's content: {}", link, ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * A headline for an untitled entry: its first sentence when more text follows, else
	 * its first words, so that the headline never repeats the whole body (which cleaning
	 * would then drop as a repeated title).
	 */
	static String headline(String text) {
		String body = text.strip();
		String first = body.split("\n", 2)[0];
		Matcher sentence = FIRST_SENTENCE.matcher(first);
		if (sentence.find() && sentence.group(1).length() <= MAX_HEADLINE
				&& sentence.group(1).length() < body.length()) {
			return sentence.group(1);
		}
		int cut = first.lastIndexOf(' ', Math.min(first.length() - 1, SHORT_HEADLINE));
		return first.substring(0, (cut > 0) ? cut : Math.min(first.length(), SHORT_HEADLINE)).strip() + "…";
	}

	static String seenKey(String feedId, String entryKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(entryKey.getBytes(StandardCharsets.UTF_8));
			return feedId + "|" + HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime provides SHA-256", ex);
		}
	}

	private record Outcome(String status, String error, int published, int skipped, Optional<String> etag,
			Optional<String> lastModified) {

		static Outcome failed(String error) {
			return new Outcome("failed", error, 0, 0, Optional.empty(), Optional.empty());
		}

		boolean failed() {
			return "failed".equals(this.status);
		}

	}

}
