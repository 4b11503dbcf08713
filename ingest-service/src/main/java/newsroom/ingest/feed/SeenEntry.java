package newsroom.ingest.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An entry of a feed that was handled (published, found a duplicate, or skipped), as kept
 * on {@link FeedTopics#SEEN_ENTRIES} under the key {@link #key}.
 *
 * @param feedId the feed
 * @param entryKey the entry's guid, id or link
 * @param articleId the article it became, {@code null} when it was a duplicate or skipped
 * @param seenAt when it was handled
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SeenEntry(String feedId, String entryKey, String articleId, Instant seenAt) {

	/**
	 * The record key of an entry: {@code feedId + "|" +} 32 hex characters of SHA-256 of
	 * the entry key, so that keys stay short and a feed's entries share a prefix.
	 * @param feedId the feed
	 * @param entryKey the entry's guid, id or link
	 * @return the key
	 */
	static String key(String feedId, String entryKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(entryKey.getBytes(StandardCharsets.UTF_8));
			return feedId + "|" + HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime provides SHA-256", ex);
		}
	}

}
