package newsroom.search.alert;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import static newsroom.search.parameter.FilterValues.stripped;
import static newsroom.search.parameter.FilterValues.values;

/**
 * The body of {@code POST /api/v1/alerts}: a name and the filters of
 * {@code GET /api/v1/search}, at least one of them. Values are stripped, blank ones and
 * repeats dropped, as the search does with its parameters.
 *
 * @param name what to call the alert
 * @param q free text, in the search's syntax
 * @param entity exact entity names a match must mention (all)
 * @param tag tags a match must carry (all)
 * @param source sources a match may come from (any)
 * @param language the language of a match
 */
@SavedSearch
record AlertRequest(@NotBlank @Size(max = 200) String name, @Size(max = 1000) String q,
		@Size(max = 20) List<@Size(max = 256) String> entity, @Size(max = 20) List<@Size(max = 128) String> tag,
		@Size(max = 20) List<@Size(max = 256) String> source, @Size(max = 16) String language) {

	AlertRequest {
		name = (name != null) ? name.strip() : null;
		q = stripped(q);
		entity = values(entity);
		tag = values(tag);
		source = values(source);
		language = stripped(language);
	}

	boolean hasFilter() {
		return this.q != null || !this.entity.isEmpty() || !this.tag.isEmpty() || !this.source.isEmpty()
				|| this.language != null;
	}

	Alert toAlert(String id, Instant createdAt) {
		return new Alert(id, this.name, this.q, this.entity, this.tag, this.source, this.language, createdAt);
	}

}
