package newsroom.search.story;

import java.util.List;
import java.util.Optional;

import newsroom.search.parameter.CursorCodec;
import newsroom.search.parameter.DateBound;
import newsroom.search.parameter.DateOrDateTime;
import newsroom.search.parameter.PageSize;
import newsroom.search.parameter.SizeParameter;

import static newsroom.search.parameter.FilterValues.values;

/**
 * The query parameters of {@code GET /api/v1/stories} as Spring binds them, checked by
 * Bean Validation so that a client learns about every bad parameter at once; unknown
 * parameters are ignored. Values stay as sent, so that a problem can quote them.
 *
 * @param size stories per page, 1 to {@value #MAX_SIZE}
 * @param sort {@code size} (the default) or {@code newest}
 * @param from stories with an article published at or after it, a date or a date-time
 * @param to stories with an article published at or before it, a date (all of that day)
 * or a date-time
 * @param cursor the {@code nextCursor} of the previous page of this listing
 * @param entity entity names every story lists, without blanks or repeats
 * @param tag tags every story carries, without blanks or repeats
 * @param source sources a story has an article from (any of them), without blanks or
 * repeats
 */
@ValidStoriesParameters
record StoriesParameters(@PageSize(max = MAX_SIZE) String size, String sort, @DateOrDateTime String from,
		@DateOrDateTime String to, String cursor, List<String> entity, List<String> tag, List<String> source) {

	static final int DEFAULT_SIZE = 20;

	static final int MAX_SIZE = 100;

	private static final SizeParameter SIZE = new SizeParameter(DEFAULT_SIZE, MAX_SIZE);

	StoriesParameters {
		entity = values(entity);
		tag = values(tag);
		source = values(source);
	}

	/**
	 * The listing these parameters ask for, continued after the cursor when there is one.
	 * @param cursors reads the cursor
	 * @return the query to run, once the parameters are valid
	 */
	StoriesQuery query(CursorCodec cursors) {
		StoriesQuery query = firstPage();
		if (this.cursor == null) {
			return query;
		}
		return query.after(decode(cursors, query).after());
	}

	/**
	 * The listing without its cursor; an invalid parameter is left out (an invalid order
	 * counts as the default), so that the cursor can be checked beside it.
	 * @return the first page of the listing
	 */
	StoriesQuery firstPage() {
		Optional<DateBound> start = fromBound();
		Optional<DateBound> end = toBound();
		int pageSize = (this.size != null) ? SIZE.read(this.size).orElse(DEFAULT_SIZE) : DEFAULT_SIZE;
		return new StoriesQuery(this.entity, this.tag, this.source, start.map(DateBound::instant).orElse(null),
				end.map(DateBound::instant).orElse(null), end.map(DateBound::exclusive).orElse(false),
				order().orElse(StoryOrder.SIZE), pageSize, null);
	}

	/**
	 * The order asked for.
	 * @return the order, the default when absent, empty when it names none
	 */
	Optional<StoryOrder> order() {
		if (this.sort == null) {
			return Optional.of(StoryOrder.SIZE);
		}
		return StoryOrder.fromParameter(this.sort.strip());
	}

	CursorCodec.Decoded<StoryOrder> decode(CursorCodec cursors, StoriesQuery query) {
		return cursors.decode(this.cursor.strip(), query.fingerprint(), query.sort(), StoryOrder.ALL);
	}

	Optional<DateBound> fromBound() {
		return DateBound.from(this.from);
	}

	Optional<DateBound> toBound() {
		return DateBound.to(this.to);
	}

}
