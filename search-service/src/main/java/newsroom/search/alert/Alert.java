package newsroom.search.alert;

import java.time.Instant;
import java.util.List;

/**
 * A saved search: the filters of {@code GET /api/v1/search} under a name. It is what
 * {@code /api/v1/alerts} answers and what the alert topic holds, keyed by {@code id}.
 *
 * @param id random, assigned on creation
 * @param name what the alert is called; matches carry it
 * @param q free text in the search's syntax, or {@code null}
 * @param entity exact entity names a match mentions, all of them
 * @param tag tags a match carries, all of them
 * @param source sources a match may come from, any of them
 * @param language the language of a match, or {@code null}
 * @param createdAt when the alert was saved: only articles arriving afterwards match
 */
record Alert(String id, String name, String q, List<String> entity, List<String> tag, List<String> source,
		String language, Instant createdAt) {

	Alert {
		entity = (entity != null) ? List.copyOf(entity) : List.of();
		tag = (tag != null) ? List.copyOf(tag) : List.of();
		source = (source != null) ? List.copyOf(source) : List.of();
	}

}
