package newsroom.search.suggest;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/suggest}.
 *
 * @param suggestions completions of the prefix, best first, each text once
 */
record SuggestResponse(List<Suggestion> suggestions) {

	/**
	 * One completion.
	 *
	 * @param text the entity name or headline
	 * @param type {@code PERSON}, {@code ORGANIZATION} or {@code LOCATION} for an entity,
	 * {@code TITLE} for a headline
	 */
	record Suggestion(String text, String type) {
	}

}
