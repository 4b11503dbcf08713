package newsroom.ingest.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An entry of a feed that was handled (published, found a duplicate, or skipped), as kept
 * on {@link FeedTopics#SEEN_ENTRIES} under the key {@code feedId + "|" + entryHash}.
 *
 * @param feedId the feed
 * @param entryKey the entry's guid, id or link
 * @param articleId the article it became, {@code null} when skipped
 * @param seenAt when it was handled
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SeenEntry(String feedId, String entryKey, String articleId, String seenAt) {

}
