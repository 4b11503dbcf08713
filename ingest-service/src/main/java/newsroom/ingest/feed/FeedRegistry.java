package newsroom.ingest.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import newsroom.ingest.config.IngestProperties;
import newsroom.ingest.config.IngestProperties.ConfiguredFeed;
import newsroom.ingest.config.IngestProperties.FeedSettings;
import newsroom.ingest.fetch.ForbiddenTargetException;
import newsroom.ingest.fetch.TargetGuard;
import newsroom.ingest.web.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The registered feeds: from configuration and from the API, restored from
 * {@link FeedTopics#FEEDS} at start-up, every change written there before it is answered.
 * A feed's id is derived from its URL, so a feed is registered once.
 */
@Component
class FeedRegistry {

	private static final Logger log = LoggerFactory.getLogger(FeedRegistry.class);

	private final Map<String, TrackedFeed> feeds = new ConcurrentHashMap<>();

	private final FeedStore store;

	private final TargetGuard guard;

	private final FeedSettings settings;

	private final List<ConfiguredFeed> configured;

	private final Clock clock;

	FeedRegistry(FeedStore store, TargetGuard guard, IngestProperties properties, Clock clock) {
		this.store = store;
		this.guard = guard;
		this.settings = properties.feed();
		this.configured = properties.feeds();
		this.clock = clock;
	}

	/**
	 * Restores the stored feeds and their seen entries, then registers the configured
	 * feeds (configuration wins over stored interval and source).
	 */
	void restore() {
		FeedStore.Snapshot snapshot = this.store.load();
		Instant now = this.clock.instant();
		snapshot.feeds().forEach((id, state) -> {
			TrackedFeed feed = new TrackedFeed(state, firstPoll(state, now));
			feed.seen().addAll(snapshot.seen().getOrDefault(id, Set.of()));
			this.feeds.put(id, feed);
		});
		for (ConfiguredFeed entry : this.configured) {
			try {
				registerConfigured(entry, now);
			}
			catch (InvalidFeedException ex) {
				throw new IllegalStateException("newsroom.ingest.feeds lists an invalid feed " + entry.url() + ": "
						+ ex.getProblems().get(0).message(), ex);
			}
		}
	}

	private void registerConfigured(ConfiguredFeed entry, Instant now) {
		URI url = validUrl(entry.url());
		Duration interval = interval((entry.pollInterval() != null) ? entry.pollInterval().toString() : null);
		String id = feedId(url);
		String source = (entry.source() != null && !entry.source().isBlank()) ? entry.source().strip()
				: sourceName(url);
		TrackedFeed existing = this.feeds.get(id);
		if (existing != null) {
			StoredFeed state = existing.state();
			if (!state.pollInterval().equals(interval) || !state.source().equals(source) || !state.configured()) {
				StoredFeed updated = state.configuredAs(source, interval);
				this.store.saveFeed(updated);
				existing.state(updated);
			}
			return;
		}
		StoredFeed state = StoredFeed.registered(id, url.toString(), source, interval, true, now);
		this.store.saveFeed(state);
		this.feeds.put(id, new TrackedFeed(state, now));
		log.info("Registered configured feed {} ({})", id, url);
	}

	/**
	 * Registers a feed from the API.
	 * @param url the feed's URL
	 * @param pollInterval ISO-8601 duration, or {@code null} for the default
	 * @param source the source name, or {@code null} for the feed's host
	 * @return the new feed
	 * @throws InvalidFeedException when a field is invalid
	 * @throws ForbiddenTargetException when the URL is refused by the SSRF guard
	 * @throws FeedExistsException when the URL is registered already
	 */
	StoredFeed register(String url, String pollInterval, String source) throws ForbiddenTargetException {
		List<FieldProblem> problems = new ArrayList<>();
		URI uri = null;
		try {
			uri = validUrl(url);
		}
		catch (InvalidFeedException ex) {
			problems.addAll(ex.getProblems());
		}
		Duration interval = null;
		try {
			interval = interval(pollInterval);
		}
		catch (InvalidFeedException ex) {
			problems.addAll(ex.getProblems());
		}
		String name = (source != null) ? source.strip() : "";
		if (name.length() > 200) {
			problems.add(new FieldProblem("source", "must be at most 200 characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFeedException(problems);
		}
		this.guard.checkUrl(uri);
		checkResolvable(uri);
		String id = feedId(uri);
		Instant now = this.clock.instant();
		StoredFeed state = StoredFeed.registered(id, uri.toString(), name.isEmpty() ? sourceName(uri) : name, interval,
				false, now);
		synchronized (this.feeds) {
			TrackedFeed existing = this.feeds.get(id);
			if (existing != null) {
				throw new FeedExistsException(existing.state());
			}
			this.store.saveFeed(state);
			this.feeds.put(id, new TrackedFeed(state, now));
		}
		log.info("Registered feed {} ({})", id, uri);
		return state;
	}

	/**
	 * Refuses a host that resolves to a refused address now, as a courtesy: the guard
	 * checks again at every poll. A name that does not resolve yet is accepted.
	 */
	private void checkResolvable(URI uri) throws ForbiddenTargetException {
		try {
			this.guard.addresses(TargetGuard.host(uri).orElseThrow());
		}
		catch (ForbiddenTargetException ex) {
			throw ex;
		}
		catch (UnknownHostException ex) {
			log.info("Feed host {} does not resolve yet; registered anyway", uri.getHost());
		}
	}

	/**
	 * Deletes a feed and forgets its seen entries.
	 * @param id the feed id
	 * @return whether it existed
	 */
	boolean delete(String id) {
		TrackedFeed feed = this.feeds.get(id);
		if (feed == null) {
			return false;
		}
		feed.lock().lock();
		try {
			if (feed.removed()) {
				return false;
			}
			this.store.deleteFeed(id, Set.copyOf(feed.seen()));
			feed.markRemoved();
			this.feeds.remove(id, feed);
		}
		finally {
			feed.lock().unlock();
		}
		log.info("Deleted feed {}", id);
		return true;
	}

	Optional<TrackedFeed> find(String id) {
		return Optional.ofNullable(this.feeds.get(id));
	}

	Collection<TrackedFeed> all() {
		return this.feeds.values();
	}

	List<StoredFeed> list() {
		return this.feeds.values()
			.stream()
			.map(TrackedFeed::state)
			.sorted(Comparator.comparing(StoredFeed::url))
			.toList();
	}

	private Instant firstPoll(StoredFeed state, Instant now) {
		if (state.lastPolledAt() == null) {
			return now;
		}
		Instant next = state.lastPolledAt().plus(state.pollInterval());
		return next.isBefore(now) ? now : next;
	}

	private static URI validUrl(String url) {
		String value = (url != null) ? url.strip() : "";
		if (value.isEmpty()) {
			throw new InvalidFeedException("url", "is required: the absolute http or https URL of an RSS or Atom feed");
		}
		if (value.length() > 2048) {
			throw new InvalidFeedException("url", "must be at most 2048 characters");
		}
		try {
			URI uri = new URI(value);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))
					|| TargetGuard.host(uri).isEmpty()) {
				throw new InvalidFeedException("url",
						"must be an absolute http or https URL, for example https://example.com/feed.xml");
			}
			// A fragment never reaches the server.
			return new URI(uri.getScheme(), uri.getRawAuthority(), uri.getRawPath(), uri.getRawQuery(), null);
		}
		catch (URISyntaxException ex) {
			throw new InvalidFeedException("url", "is not a valid URL: " + ex.getReason());
		}
	}

	private Duration interval(String value) {
		if (value == null || value.isBlank()) {
			return this.settings.defaultPollInterval();
		}
		Duration interval;
		try {
			interval = Duration.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFeedException("pollInterval", "must be an ISO-8601 duration such as PT5M");
		}
		if (interval.compareTo(this.settings.minPollInterval()) < 0) {
			throw new InvalidFeedException("pollInterval", "must be at least " + this.settings.minPollInterval()
					+ " (newsroom.ingest.feed.min-poll-interval)");
		}
		if (interval.compareTo(Duration.ofDays(7)) > 0) {
			throw new InvalidFeedException("pollInterval", "must be at most P7D");
		}
		return interval;
	}

	/**
	 * The source name of a feed: its host without a leading {@code www.}.
	 * @param url the feed's URL
	 * @return the host, lower-case
	 */
	static String sourceName(URI url) {
		String host = TargetGuard.host(url).orElse("feed").toLowerCase(Locale.ROOT);
		while (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		return host.startsWith("www.") ? host.substring(4) : host;
	}

	/**
	 * The id of a feed: 32 hex characters of SHA-256 of its URL (scheme and host in lower
	 * case).
	 * @param url the feed's URL
	 * @return the id
	 */
	static String feedId(URI url) {
		String key = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority().toLowerCase(Locale.ROOT)
				+ Optional.ofNullable(url.getRawPath()).orElse("")
				+ Optional.ofNullable(url.getRawQuery()).map((query) -> "?" + query).orElse("");
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("feed:" + key).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime provides SHA-256", ex);
		}
	}

}
