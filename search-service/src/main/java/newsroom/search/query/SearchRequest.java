package newsroom.search.query;

import java.time.Instant;
import java.util.List;

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
record SearchRequest(String text, List<String> entities, List<String> tags, List<String> sources, String language,
		Instant from, Instant to, boolean toExclusive, SortOrder sort, int size, Cursor cursor) {

	SearchRequest {
		entities = List.copyOf(entities);
		tags = List.copyOf(tags);
		sources = List.copyOf(sources);
	}

}
