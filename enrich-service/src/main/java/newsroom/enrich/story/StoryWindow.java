package newsroom.enrich.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The time window of open stories: from the latest publication time seen so far, capped
 * at the clock so that one article dated in the future does not close every story, back
 * by the window's length. Measured on publication times rather than the clock, so that a
 * replay or an evaluation of last year's articles groups them as it would have then. Not
 * thread-safe: the story index guards it.
 */
final class StoryWindow {

	private final long lengthMillis;

	private final Clock clock;

	private long latest = Long.MIN_VALUE;

	StoryWindow(Duration length, Clock clock) {
		this.lengthMillis = length.toMillis();
		this.clock = clock;
	}

	/**
	 * Move the window on, if an article was published later than any before it.
	 * @param published when the article was published
	 */
	void advance(Instant published) {
		this.latest = Math.max(this.latest, Math.min(published.toEpochMilli(), this.clock.millis()));
	}

	/**
	 * Whether a time falls within the window (or after it).
	 * @param time a publication time, or {@code null} when unknown
	 * @return {@code true} when the time is known and not older than the window
	 */
	boolean contains(@Nullable Instant time) {
		return time != null && time.toEpochMilli() >= this.latest - this.lengthMillis;
	}

}
