package newsroom.search.story;

import java.time.Instant;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import newsroom.search.parameter.CursorCodec;

/**
 * A validated {@code GET /api/v1/stories}: which stories, in which order, from where.
 *
 * @param entities entity names every story lists among its entities
 * @param tags tags every story carries
 * @param sources sources of which a story has at least one
 * @param from stories with an article published at or after this instant, or {@code null}
 * @param to stories with an article published before (or at) this instant, or
 * {@code null}
 * @param toExclusive whether {@code to} itself is excluded (a whole day given as a date)
 * @param sort the order of the stories
 * @param size how many stories to return
 * @param after the sort values of the last story of the previous page, {@code null} on
 * the first
 */
record StoriesQuery(List<String> entities, List<String> tags, List<String> sources, Instant from, Instant to,
		boolean toExclusive, StoryOrder sort, int size, List<FieldValue> after) {

	StoriesQuery {
		entities = List.copyOf(entities);
		tags = List.copyOf(tags);
		sources = List.copyOf(sources);
		after = (after != null) ? List.copyOf(after) : null;
	}

	/**
	 * The same query, continued after a cursor.
	 * @param values the sort values the previous page ended with
	 * @return the query for the next page
	 */
	StoriesQuery after(List<FieldValue> values) {
		return new StoriesQuery(this.entities, this.tags, this.sources, this.from, this.to, this.toExclusive, this.sort,
				this.size, values);
	}

	/**
	 * What makes this listing this listing, page and size aside, so that a cursor serves
	 * only it (and never a search's).
	 * @return a short digest of the endpoint, filters and order
	 */
	String fingerprint() {
		return CursorCodec.fingerprint(List.of("stories", CursorCodec.unordered(this.entities),
				CursorCodec.unordered(this.tags), CursorCodec.unordered(this.sources), String.valueOf(this.from),
				String.valueOf(this.to), String.valueOf(this.toExclusive), this.sort.parameterValue()));
	}

}
