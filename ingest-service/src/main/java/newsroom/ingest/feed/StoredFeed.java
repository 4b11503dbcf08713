package newsroom.ingest.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A feed as kept on {@link FeedTopics#FEEDS}: its registration and what the last polls
 * found. Times are ISO-8601 strings.
 *
 * @param id the feed id
 * @param url the feed's URL
 * @param source the source name of its articles
 * @param pollInterval ISO-8601 duration between polls
 * @param configured whether it comes from configuration
 * @param createdAt when it was registered
 * @param lastPolledAt when it was last polled, {@code null} before the first poll
 * @param lastStatus {@code pending}, {@code ok}, {@code not-modified} or {@code failed}
 * @param lastError why the last poll failed, {@code null} otherwise
 * @param itemsPublished entries published so far
 * @param itemsSkipped entries skipped so far (neither title nor text, or invalid)
 * @param etag the last {@code ETag}, for {@code If-None-Match}
 * @param lastModified the last {@code Last-Modified}, for {@code If-Modified-Since}
 * @param failures polls failed in a row, for the back-off
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StoredFeed(String id, String url, String source, String pollInterval, boolean configured, String createdAt,
		String lastPolledAt, String lastStatus, String lastError, long itemsPublished, long itemsSkipped, String etag,
		String lastModified, int failures) {

}
