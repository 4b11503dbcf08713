package newsroom.search.alert;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/alerts/{id}/matches}: newest first.
 *
 * @param matches the alert's matches
 */
record AlertMatchesResponse(List<Match> matches) {

	/**
	 * One article that matched.
	 *
	 * @param articleId the article's id ({@code /api/v1/articles/{id}})
	 * @param title its headline
	 * @param url its URL
	 * @param source its source
	 * @param publishedAt when it was published
	 * @param matchedAt when it matched
	 */
	record Match(String articleId, String title, String url, String source, Instant publishedAt, Instant matchedAt) {
	}

}
