package newsroom.search.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import newsroom.search.parameter.CursorCodec;

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
 * @param collapse whether each story shows once ({@code collapse=story})
 * @param cursor where the previous page ended, or {@code null} for the first page
 */
record ArticleSearch(String text, List<String> entities, List<String> tags, List<String> sources, String language,
		Instant from, Instant to, boolean toExclusive, HitOrder sort, int size, boolean collapse, Cursor cursor) {

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
				this.toExclusive, this.sort, this.size, this.collapse, after);
	}

	/**
	 * The same search for another number of hits, from the same place.
	 * @param count how many hits
	 * @return the search
	 */
	ArticleSearch withSize(int count) {
		return new ArticleSearch(this.text, this.entities, this.tags, this.sources, this.language, this.from, this.to,
				this.toExclusive, this.sort, count, this.collapse, this.cursor);
	}

	/**
	 * What makes this search this search, page and page size aside: cursors carry it so
	 * that one made for a search is not used for another.
	 * @return a short digest of the text, filters, order and collapse
	 */
	String fingerprint() {
		List<String> parts = new ArrayList<>(List.of(String.valueOf(this.text), CursorCodec.unordered(this.entities),
				CursorCodec.unordered(this.tags), CursorCodec.unordered(this.sources), String.valueOf(this.language),
				String.valueOf(this.from), String.valueOf(this.to), String.valueOf(this.toExclusive),
				this.sort.parameterValue()));
		if (this.collapse) {
			// Only then: cursors of searches without collapse stay as they were.
			parts.add("collapse=story");
		}
		return CursorCodec.fingerprint(parts);
	}

}
