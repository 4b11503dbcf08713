package newsroom.ingest.feed;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A feed as kept on {@link FeedTopics#FEEDS}: its registration and what the last polls
 * found. Times are written as ISO-8601 text ({@code PT15M},
 * {@code 2024-11-04T07:15:00Z}).
 *
 * @param id the feed id
 * @param url the feed's URL
 * @param source the source name of its articles
 * @param pollInterval the time between polls
 * @param configured whether it comes from configuration
 * @param createdAt when it was registered
 * @param lastPolledAt when it was last polled, {@code null} before the first poll
 * @param lastStatus what the last poll found
 * @param lastError why the last poll failed, {@code null} otherwise
 * @param itemsPublished entries published so far
 * @param itemsSkipped entries skipped so far (neither title nor text, or invalid)
 * @param etag the last {@code ETag}, for {@code If-None-Match}
 * @param lastModified the last {@code Last-Modified}, for {@code If-Modified-Since}
 * @param failures polls failed in a row, for the back-off
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StoredFeed(String id, String url, String source, Duration pollInterval, boolean configured, Instant createdAt,
		Instant lastPolledAt, FeedStatus lastStatus, String lastError, long itemsPublished, long itemsSkipped,
		String etag, String lastModified, int failures) {

	/**
	 * A feed just registered, not polled yet.
	 * @param id the feed id
	 * @param url its URL
	 * @param source the source name of its articles
	 * @param pollInterval the time between polls
	 * @param configured whether it comes from configuration
	 * @param createdAt now
	 * @return the feed
	 */
	static StoredFeed registered(String id, String url, String source, Duration pollInterval, boolean configured,
			Instant createdAt) {
		return new StoredFeed(id, url, source, pollInterval, configured, createdAt, null, FeedStatus.PENDING, null, 0,
				0, null, null, 0);
	}

	/**
	 * This feed as configuration declares it.
	 * @param source the configured source name
	 * @param interval the configured interval
	 * @return the feed, its poll state kept
	 */
	StoredFeed configuredAs(String source, Duration interval) {
		return new StoredFeed(this.id, this.url, source, interval, true, this.createdAt, this.lastPolledAt,
				this.lastStatus, this.lastError, this.itemsPublished, this.itemsSkipped, this.etag, this.lastModified,
				this.failures);
	}

	/**
	 * This feed after a poll.
	 * @param at when it was polled
	 * @param result what the poll found
	 * @return the feed with the counts added and the validators to send next time
	 */
	StoredFeed polled(Instant at, PollResult result) {
		return new StoredFeed(this.id, this.url, this.source, this.pollInterval, this.configured, this.createdAt, at,
				result.status(), result.error(), this.itemsPublished + result.published(),
				this.itemsSkipped + result.skipped(), result.etag().orElse(this.etag),
				result.lastModified().orElse(this.lastModified), result.isFailure() ? this.failures + 1 : 0);
	}

}
