package newsroom.search.query;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Size;
import newsroom.search.parameter.CursorCodec;
import newsroom.search.parameter.DateBound;
import newsroom.search.parameter.DateOrDateTime;
import newsroom.search.parameter.PageSize;
import newsroom.search.parameter.QueryParameters;
import newsroom.search.parameter.QueryText;
import newsroom.search.parameter.SizeParameter;

import static newsroom.search.parameter.FilterValues.stripped;
import static newsroom.search.parameter.FilterValues.values;

/**
 * The query parameters of {@code GET /api/v1/search} as sent, checked by Bean Validation
 * so that a client learns about every bad parameter at once; unknown parameters are
 * ignored, as the contract says. Values stay as sent, so that a problem can quote them;
 * the components are declared in the order problems are reported.
 *
 * @param q free text, stripped; {@code null} when absent or blank
 * @param size hits per page, 1 to {@value #MAX_SIZE}
 * @param sort {@code relevance} or {@code newest}
 * @param from earliest publication, a date or a date-time
 * @param to latest publication, a date (all of that day) or a date-time
 * @param cursor the {@code nextCursor} of the previous page of this search
 * @param entity exact entity names every hit mentions, without blanks or repeats
 * @param tag tags every hit carries, without blanks or repeats
 * @param source sources a hit may come from, without blanks or repeats
 * @param language the language of the hits, stripped; {@code null} when absent or blank
 * @param collapse {@code story} to show each story once; {@code null} when absent
 */
@ConsistentSearch
record SearchParameters(@Size(max = MAX_QUERY_LENGTH, message = "must be at most {max} characters") String q,
		@PageSize(max = MAX_SIZE) String size, @SortName String sort, @DateOrDateTime String from,
		@DateOrDateTime String to, String cursor, List<String> entity, List<String> tag, List<String> source,
		String language, @CollapseName String collapse) {

	static final int DEFAULT_SIZE = 20;

	static final int MAX_SIZE = 100;

	static final int MAX_QUERY_LENGTH = 1000;

	private static final SizeParameter SIZE = new SizeParameter(DEFAULT_SIZE, MAX_SIZE);

	SearchParameters {
		q = stripped(q);
		entity = values(entity);
		tag = values(tag);
		source = values(source);
		language = stripped(language);
	}

	/**
	 * Read the parameters of a request.
	 * @param parameters the request's query parameters
	 * @return the parameters, not checked yet
	 */
	static SearchParameters of(QueryParameters parameters) {
		return new SearchParameters(parameters.first("q"), parameters.first("size"), parameters.first("sort"),
				parameters.first("from"), parameters.first("to"), parameters.first("cursor"), parameters.all("entity"),
				parameters.all("tag"), parameters.all("source"), parameters.first("language"),
				parameters.first("collapse"));
	}

	/**
	 * The search these parameters ask for, continued after the cursor when there is one.
	 * @param cursors reads the cursor
	 * @return the search to run, once the parameters are valid
	 */
	ArticleSearch search(CursorCodec cursors) {
		ArticleSearch search = firstPage();
		if (this.cursor == null) {
			return search;
		}
		CursorCodec.Decoded<HitOrder> decoded = cursors.decode(this.cursor.strip(), search.fingerprint(), search.sort(),
				HitOrder.ALL);
		return search.after(new Cursor(decoded.order(), decoded.after()));
	}

	/**
	 * The search without its cursor. An invalid parameter is left out (an invalid order
	 * counts as relevance), so that the cursor can be checked beside it.
	 * @return the first page of the search
	 */
	ArticleSearch firstPage() {
		Optional<DateBound> start = fromBound();
		Optional<DateBound> end = toBound();
		String text = (this.q != null) ? QueryText.simpleQueryString(this.q).orElse(null) : null;
		return new ArticleSearch(text, this.entity, this.tag, this.source, this.language,
				start.map(DateBound::instant).orElse(null), end.map(DateBound::instant).orElse(null),
				end.map(DateBound::exclusive).orElse(false), order(), pageSize(),
				this.collapse != null && CollapseNameValidator.STORY.equals(this.collapse.strip()), null);
	}

	Optional<DateBound> fromBound() {
		return DateBound.from(this.from);
	}

	Optional<DateBound> toBound() {
		return DateBound.to(this.to);
	}

	private HitOrder order() {
		if (this.sort == null) {
			return (this.q != null) ? HitOrder.RELEVANCE : HitOrder.NEWEST;
		}
		return HitOrder.fromParameter(this.sort.strip()).orElse(HitOrder.RELEVANCE);
	}

	private int pageSize() {
		return (this.size != null) ? SIZE.read(this.size).orElse(DEFAULT_SIZE) : DEFAULT_SIZE;
	}

}
