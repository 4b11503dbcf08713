package newsroom.search.query;

import java.util.List;

import newsroom.search.index.ArticleHit;

/**
 * The answer of {@code GET /api/v1/search}, shaped exactly as API.md shows it.
 *
 * @param total how many articles match, over all pages; with {@code collapse=story}, how
 * many stories (approximate above 40,000)
 * @param hits this page of matching articles; with {@code collapse=story}, the best of
 * each story, with the story's size and sources
 * @param facets counts of the most frequent values among all matching articles
 * @param histogram matching articles per publication day (UTC), or per week, month or
 * year over long spans; buckets without articles left out
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last
 * @param histogramInterval the width of the histogram's buckets: {@code day},
 * {@code week}, {@code month} or {@code year}
 */
record SearchResponse(long total, List<ArticleHit> hits, Facets facets, List<HistogramBucket> histogram,
		String nextCursor, String histogramInterval) {

	/**
	 * The facets of the matching articles.
	 *
	 * @param entities most mentioned entities
	 * @param tags most frequent tags
	 * @param sources most frequent sources
	 * @param languages most frequent languages
	 */
	record Facets(List<EntityFacet> entities, List<FacetValue> tags, List<FacetValue> sources,
			List<FacetValue> languages) {
	}

	/**
	 * An entity facet value.
	 *
	 * @param value the entity name
	 * @param type its type
	 * @param count matching articles that mention it
	 */
	record EntityFacet(String value, String type, long count) {
	}

	/**
	 * A facet value.
	 *
	 * @param value the value
	 * @param count matching articles that have it
	 */
	record FacetValue(String value, long count) {
	}

	/**
	 * Articles published in one bucket of the timeline.
	 *
	 * @param date the bucket's first day, ISO-8601 ({@code 2024-11-01}), UTC
	 * @param count matching articles published in the bucket
	 */
	record HistogramBucket(String date, long count) {
	}

}
