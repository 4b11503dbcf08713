package newsroom.search.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * A validated search: what {@code GET /api/v1/search} asked for, in the terms the query
 * builder needs.
 *
 * @param text the free-text query in simple-query-string syntax, or {@code null}
 * @param entities exact entity names every hit must mention
 * @param tags tags every hit must carry
 * @param sources sources a hit may come from (any of them)
 * @param language the language hits must be in, or {@code null}
 * @param from earliest publication instant, inclusive, or {@code null}
 * @param to latest publication instant, or {@code null}
 * @param toExclusive whether {@code to} itself is excluded (a whole day given as a date)
 * @param sort the order of the hits
 * @param size how many hits to return
 * @param cursor where the previous page ended, or {@code null} for the first page
 */
record ArticleSearch(String text, List<String> entities, List<String> tags, List<String> sources, String language,
		Instant from, Instant to, boolean toExclusive, HitOrder sort, int size, Cursor cursor) {

	ArticleSearch {
		entities = List.copyOf(entities);
		tags = List.copyOf(tags);
		sources = List.copyOf(sources);
	}

	/**
	 * The same search, continued after a cursor.
	 * @param after where the previous page ended
	 * @return the search for the next page
	 */
	ArticleSearch after(Cursor after) {
		return new ArticleSearch(this.text, this.entities, this.tags, this.sources, this.language, this.from, this.to,
				this.toExclusive, this.sort, this.size, after);
	}

	/**
	 * What makes this search this search, page and page size aside: cursors carry it so
	 * that one made for a search is not used for another.
	 * @return a short digest of the text, filters and order
	 */
	String fingerprint() {
		String canonical = String.join("\u0000",
				Stream
					.of(this.text, sorted(this.entities), sorted(this.tags), sorted(this.sources), this.language,
							String.valueOf(this.from), String.valueOf(this.to), String.valueOf(this.toExclusive),
							this.sort.parameterValue())
					.map(String::valueOf)
					.toList());
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static String sorted(List<String> values) {
		return String.join("\u0001", values.stream().sorted().toList());
	}

}
