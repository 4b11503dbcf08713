package newsroom.enrich.pipeline;

import java.time.Instant;
import java.util.HexFormat;

import newsroom.enrich.story.ArticleProfile;
import org.jspecify.annotations.Nullable;

/**
 * Value of a record on the service's own compacted fingerprint topic, key = article id:
 * what the near-duplicate check and story assignment need to survive a restart.
 *
 * @param id the article id
 * @param simhash the 64-bit SimHash, as 16 hexadecimal digits
 * @param firstSeenAt when the article was first enriched
 * @param storyId the article's story; {@code null} in records written before stories
 * @param profile what story assignment compares the article by; {@code null} in records
 * written before stories
 */
record Fingerprint(String id, String simhash, Instant firstSeenAt, @Nullable String storyId,
		@Nullable ArticleProfile profile) {

	static Fingerprint of(String id, long simhash, Instant firstSeenAt, String storyId, ArticleProfile profile) {
		return new Fingerprint(id, HexFormat.of().toHexDigits(simhash), firstSeenAt, storyId, profile);
	}

	long value() {
		return HexFormat.fromHexDigitsToLong(this.simhash);
	}

}
