package newsroom.search.query;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/search}, shaped exactly as API.md shows it.
 *
 * @param total how many articles match, over all pages
 * @param hits this page of matching articles
 * @param facets counts of the most frequent values among all matching articles
 * @param histogram matching articles per publication day (UTC), or per week, month or
 * year over long spans; buckets without articles left out
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last
 * @param histogramInterval the width of the histogram's buckets: {@code day},
 * {@code week}, {@code month} or {@code year}
 */
record SearchResponse(long total, List<Hit> hits, Facets facets, List<HistogramBucket> histogram, String nextCursor,
		String histogramInterval) {

	/**
	 * One matching article.
	 *
	 * @param id the article id
	 * @param url where it was published
	 * @param title the headline
	 * @param source the publisher
	 * @param author the byline, or {@code null}
	 * @param publishedAt when it was published
	 * @param language ISO 639-1 code
	 * @param summary one to three sentences
	 * @param tags IPTC Media Topic slugs
	 * @param entities the entities it is about, most salient first
	 * @param highlights matching passages, terms wrapped in {@code <em>}, other markup
	 * escaped
	 * @param score relevance to the query
	 */
	record Hit(String id, String url, String title, String source, String author, Instant publishedAt, String language,
			String summary, List<String> tags, List<EntityRef> entities, Highlights highlights, Double score) {
	}

	/**
	 * An entity of a hit.
	 *
	 * @param name the entity's name
	 * @param type PERSON, ORGANIZATION or LOCATION
	 */
	record EntityRef(String name, String type) {
	}

	/**
	 * Highlighted passages of a hit.
	 *
	 * @param title the title with matches marked, or empty
	 * @param text fragments of the text with matches marked, or empty
	 */
	record Highlights(List<String> title, List<String> text) {
	}

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
