package newsroom.search.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One match in the matches index ({@code elasticsearch/alert-matches-mappings.json}),
 * with the id {@code alertId:articleId}: there is one per alert and article, whatever
 * happens.
 *
 * @param alertId the alert
 * @param articleId the article
 * @param title the article's headline
 * @param url the article's URL
 * @param source the article's source
 * @param publishedAt when the article was published
 * @param matchedAt when the match was found
 * @param partition partition of the enriched record that matched
 * @param offset offset of the enriched record that matched
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MatchDocument(String alertId, String articleId, String title, String url, String source, Instant publishedAt,
		Instant matchedAt, int partition, long offset) {

	/** The alert id of committed-offset markers. */
	static final String COMMITTED = "~committed";

	/** Elasticsearch refuses longer document ids. */
	private static final int MAX_ID_BYTES = 512;

	String id() {
		return id(this.alertId, this.articleId);
	}

	/**
	 * The document id of a match: readable when it fits, else the alert id and a digest
	 * of the article id.
	 */
	static String id(String alertId, String articleId) {
		String id = alertId + ":" + articleId;
		if (id.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES) {
			return id;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(articleId.getBytes(StandardCharsets.UTF_8));
			return alertId + ":sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * The marker of a partition of the enriched topic: the offset up to which this
	 * service's match transactions are known to have committed, kept in the matches index
	 * (alert ids are UUIDs, so the marker's never clashes with one).
	 * @param partition the partition
	 * @param nextOffset the offset after the last record of a committed batch
	 * @return the marker document
	 */
	static MatchDocument committedMarker(int partition, long nextOffset) {
		return new MatchDocument(COMMITTED, Integer.toString(partition), null, null, null, null, null, partition,
				nextOffset);
	}

	static String committedMarkerId(int partition) {
		return id(COMMITTED, Integer.toString(partition));
	}

	AlertMatchesResponse.Match toMatch() {
		return new AlertMatchesResponse.Match(this.articleId, this.title, this.url, this.source, this.publishedAt,
				this.matchedAt);
	}

}
