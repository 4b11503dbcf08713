package newsroom.search.alert;

import java.util.Set;

import org.apache.lucene.search.Query;

/**
 * An alert ready to be matched: its filters as sets, its free text as a Lucene query with
 * the anchors that pick the articles worth running it on.
 *
 * @param alert the alert as saved
 * @param entities entity names a match mentions, all of them
 * @param tags tags a match carries, all of them
 * @param sources sources a match comes from, any of them (empty: any source)
 * @param query the free text, or {@code null} when the alert has none
 * @param anchors what an article must contain for the query to have a chance
 */
record CompiledAlert(Alert alert, Set<String> entities, Set<String> tags, Set<String> sources, Query query,
		Anchors anchors) {

	/**
	 * Compile an alert whose request was validated.
	 * @param alert the alert
	 * @return the compiled alert
	 */
	static CompiledAlert of(Alert alert) {
		Query query = (alert.q() != null) ? FreeText.parse(alert.q()).orElse(null) : null;
		return new CompiledAlert(alert, Set.copyOf(alert.entity()), Set.copyOf(alert.tag()), Set.copyOf(alert.source()),
				query, (query != null) ? Anchors.of(query) : Anchors.any());
	}

	/**
	 * Whether the article passes every filter but the free text.
	 * @param article the article's filterable values
	 * @return {@code true} when entities, tags, source and language fit
	 */
	boolean filtersMatch(ArticleFacts article) {
		return (this.alert.language() == null || this.alert.language().equals(article.language()))
				&& (this.sources.isEmpty() || this.sources.contains(article.source()))
				&& article.tags().containsAll(this.tags) && article.entities().containsAll(this.entities);
	}

	/**
	 * Whether an article that arrived at a time (epoch millis) came after the alert.
	 * @param arrivedAt when the article's record was written
	 * @return {@code true} when the alert existed by then
	 */
	boolean existedAt(long arrivedAt) {
		return arrivedAt >= this.alert.createdAt().toEpochMilli();
	}

}
