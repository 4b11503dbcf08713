package newsroom.ingest.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic article ids and content hashes.
 * <p>
 * The id is the first 16 bytes (128 bits) of a SHA-256 digest as 32 lower-case hex
 * characters: of {@code "url:" + canonicalUrl} when the article has a URL (see
 * {@link ArticleUrls#canonicalize}), else of
 * {@code "content:" + source + NUL + title + NUL + text} over the cleaned values. The
 * same article therefore always gets the same id, across instances and restarts.
 * <p>
 * The content hash is the full SHA-256 of {@code title + "\n\n" + text} (cleaned, UTF-8)
 * as 64 lower-case hex characters; equal hashes mean the same published content.
 */
final class ArticleIds {

	private static final int ID_BYTES = 16;

	private static final char SEPARATOR = '\u0000';

	private ArticleIds() {
	}

	/**
	 * The id of an article with a URL.
	 * @param canonicalUrl the canonical URL
	 * @return 32 hex characters
	 */
	static String fromCanonicalUrl(String canonicalUrl) {
		return HexFormat.of().formatHex(sha256("url:" + canonicalUrl), 0, ID_BYTES);
	}

	/**
	 * The id of an article without a URL.
	 * @param source the source name
	 * @param title the cleaned headline
	 * @param text the cleaned body
	 * @return 32 hex characters
	 */
	static String fromContent(String source, String title, String text) {
		return HexFormat.of()
			.formatHex(sha256("content:" + source + SEPARATOR + title + SEPARATOR + text), 0, ID_BYTES);
	}

	/**
	 * The content hash of an article.
	 * @param title the cleaned headline
	 * @param text the cleaned body
	 * @return 64 hex characters
	 */
	static String contentHash(String title, String text) {
		return HexFormat.of().formatHex(sha256(title + "\n\n" + text));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime provides SHA-256", ex);
		}
	}

}
