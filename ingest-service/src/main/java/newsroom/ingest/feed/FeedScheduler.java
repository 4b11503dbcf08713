package newsroom.ingest.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;

import newsroom.ingest.config.IngestProperties;
import newsroom.ingest.config.IngestProperties.FeedSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Decides when feeds are polled: restores their state at start-up (before the web server
 * takes requests), then checks every second on Boot's {@link TaskScheduler} which feeds
 * are due and hands them to {@link FeedPoller} on a pool of
 * {@code newsroom.ingest.feed.max-concurrent-polls} threads. With
 * {@code newsroom.ingest.feed.enabled=false} feeds are restored but only polled on
 * request.
 */
@Component
class FeedScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);

	/** How often the registry is checked for feeds that are due. */
	private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

	private final FeedRegistry registry;

	private final FeedPoller poller;

	private final TaskScheduler scheduler;

	private final FeedSettings settings;

	private final Clock clock;

	private ThreadPoolTaskExecutor polls;

	private ScheduledFuture<?> checks;

	private volatile boolean running;

	FeedScheduler(FeedRegistry registry, FeedPoller poller, TaskScheduler scheduler, IngestProperties properties,
			Clock clock) {
		this.registry = registry;
		this.poller = poller;
		this.scheduler = scheduler;
		this.settings = properties.feed();
		this.clock = clock;
	}

	@Override
	public void start() {
		this.registry.restore();
		if (this.settings.enabled()) {
			this.polls = new ThreadPoolTaskExecutor();
			this.polls.setCorePoolSize(this.settings.maxConcurrentPolls());
			this.polls.setMaxPoolSize(this.settings.maxConcurrentPolls());
			this.polls.setThreadNamePrefix("feed-poll-");
			this.polls.initialize();
			this.checks = this.scheduler.scheduleWithFixedDelay(this::dispatch,
					this.scheduler.getClock().instant().plus(CHECK_EVERY), CHECK_EVERY);
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.checks != null) {
			this.checks.cancel(true);
			// Interrupts polls under way: what they handled is stored, the rest waits.
			this.polls.shutdown();
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
					this.polls.execute(() -> pollScheduled(feed));
				}
				catch (RejectedExecutionException ex) {
					feed.scheduled().set(false);
				}
			}
		}
	}

	private void pollScheduled(TrackedFeed feed) {
		try {
			this.poller.poll(feed);
		}
		catch (RuntimeException ex) {
			log.warn("Polling feed {} failed unexpectedly", feed.id(), ex);
		}
		finally {
			feed.scheduled().set(false);
		}
	}

}
