package newsroom.search.query;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Turns the query parameters of {@code GET /api/v1/search} into a {@link SearchRequest},
 * collecting every problem so that a client learns about all of them at once. Unknown
 * parameters are ignored, as the contract says. Free text is reduced to the simple query
 * string operators that cannot blow up on the node: no leading or short wildcards, no
 * fuzziness or slop.
 */
@Component
final class SearchRequestParser {

	static final int DEFAULT_SIZE = 20;

	static final int MAX_SIZE = 100;

	static final int MAX_QUERY_LENGTH = 1000;

	/** Elasticsearch's date type stops short of five-digit years. */
	private static final int MAX_YEAR = 9999;

	/**
	 * A bare upper-case OR or AND between terms, outside quotes. Simple query strings
	 * spell them {@code |} and {@code +}; people type the words.
	 */
	private static final Pattern QUOTED_OR_OPERATOR = Pattern.compile("\"[^\"]*\"?|(?<=^|\\s)(OR|AND)(?=\\s|$)");

	/**
	 * Letters or digits a term needs before a trailing {@code *}: a shorter prefix would
	 * expand to a large part of the terms dictionary.
	 */
	static final int MIN_PREFIX_LENGTH = 3;

	/** A quoted phrase (kept as it is), or a run of {@code *} with what precedes it. */
	private static final Pattern QUOTED_OR_WILDCARD = Pattern.compile("\"[^\"]*\"?|([\\p{L}\\p{N}]*)(\\*+)");

	/** Fuzziness ({@code word~2}) and phrase slop ({@code "a b"~3}). */
	private static final Pattern FUZZY_OR_SLOP = Pattern.compile("~\\d*");

	private final CursorCodec cursors;

	SearchRequestParser(CursorCodec cursors) {
		this.cursors = cursors;
	}

	/**
	 * Parse and validate.
	 * @param parameters the request's query parameters
	 * @return the search to run
	 * @throws InvalidSearchRequestException listing every invalid parameter
	 */
	SearchRequest parse(MultiValueMap<String, String> parameters) {
		List<InvalidSearchRequestException.FieldError> errors = new ArrayList<>();
		String text = first(parameters, "q").map(String::strip).filter((q) -> !q.isEmpty()).orElse(null);
		if (text != null && text.length() > MAX_QUERY_LENGTH) {
			errors.add(error("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
		}
		int size = first(parameters, "size").map((value) -> parseSize(value, errors)).orElse(DEFAULT_SIZE);
		SortOrder sort = first(parameters, "sort").map((value) -> parseSort(value, errors))
			.orElse((text != null) ? SortOrder.RELEVANCE : SortOrder.NEWEST);
		Bound from = first(parameters, "from").map((value) -> parseDate("from", value, false, errors)).orElse(null);
		Bound to = first(parameters, "to").map((value) -> parseDate("to", value, true, errors)).orElse(null);
		if (from != null && to != null
				&& (to.exclusive() ? !from.instant().isBefore(to.instant()) : from.instant().isAfter(to.instant()))) {
			errors.add(error("to", "must not be before from"));
		}
		String language = first(parameters, "language").map(String::strip).filter((l) -> !l.isEmpty()).orElse(null);
		String queryString = (text != null) ? withoutExpansion(toSimpleQueryString(text)) : null;
		if (queryString != null && queryString.isEmpty()) {
			// Nothing but wildcards: a search without text.
			queryString = null;
		}
		SearchRequest request = new SearchRequest(queryString, all(parameters, "entity"), all(parameters, "tag"),
				all(parameters, "source"), language, (from != null) ? from.instant() : null,
				(to != null) ? to.instant() : null, to != null && to.exclusive(), sort, size, null);
		Cursor cursor = first(parameters, "cursor")
			.map((value) -> parseCursor(value, request.fingerprint(), sort, errors))
			.orElse(null);
		if (!errors.isEmpty()) {
			throw new InvalidSearchRequestException(errors);
		}
		return new SearchRequest(request.text(), request.entities(), request.tags(), request.sources(),
				request.language(), request.from(), request.to(), request.toExclusive(), sort, size, cursor);
	}

	/**
	 * Drop what would make Elasticsearch expand one term into many: a {@code *} after
	 * fewer than {@value #MIN_PREFIX_LENGTH} letters or digits (a leading {@code *}
	 * included), and fuzziness or slop. Quoted phrases are left alone. The query is also
	 * run with only the harmless operators enabled, so this only keeps a stray character
	 * from turning into a search term.
	 * @param text a simple query string
	 * @return the same query without expanding operators
	 */
	static String withoutExpansion(String text) {
		Matcher matcher = QUOTED_OR_WILDCARD.matcher(FUZZY_OR_SLOP.matcher(text).replaceAll(""));
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String replacement = matcher.group();
			if (matcher.group(2) != null) {
				String prefix = matcher.group(1);
				replacement = (prefix.codePointCount(0, prefix.length()) >= MIN_PREFIX_LENGTH) ? prefix + "*" : prefix;
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString().strip();
	}

	/**
	 * Rewrite the words OR and AND between terms into the operators of the simple query
	 * string syntax; quoted phrases stay as they are.
	 * @param text the query as typed
	 * @return the query for Elasticsearch's {@code simple_query_string}
	 */
	static String toSimpleQueryString(String text) {
		Matcher matcher = QUOTED_OR_OPERATOR.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String replacement = matcher.group();
			if ("OR".equals(matcher.group(1))) {
				replacement = "|";
			}
			else if ("AND".equals(matcher.group(1))) {
				replacement = "+";
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static int parseSize(String value, List<InvalidSearchRequestException.FieldError> errors) {
		try {
			int size = Integer.parseInt(value.strip());
			if (size >= 1 && size <= MAX_SIZE) {
				return size;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add(error("size", "must be a whole number from 1 to " + MAX_SIZE + ", was '" + value + "'"));
		return DEFAULT_SIZE;
	}

	private static SortOrder parseSort(String value, List<InvalidSearchRequestException.FieldError> errors) {
		Optional<SortOrder> sort = SortOrder.fromParameter(value.strip());
		if (sort.isEmpty()) {
			errors.add(error("sort", "must be 'relevance' or 'newest', was '" + value + "'"));
			return SortOrder.RELEVANCE;
		}
		return sort.get();
	}

	private static Bound parseDate(String field, String value, boolean upper,
			List<InvalidSearchRequestException.FieldError> errors) {
		String text = value.strip();
		try {
			Bound bound;
			int year;
			if (text.length() <= 10 && !text.contains("T")) {
				LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
				year = date.getYear();
				// A date bounds whole days: "to=2024-11-01" includes all of the 1st
				// (UTC).
				bound = upper ? new Bound(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), true)
						: new Bound(date.atStartOfDay(ZoneOffset.UTC).toInstant(), false);
			}
			else {
				TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from,
						LocalDateTime::from);
				ZonedDateTime dateTime = (parsed instanceof ZonedDateTime zoned) ? zoned
						: ((LocalDateTime) parsed).atZone(ZoneOffset.UTC);
				year = dateTime.getYear();
				bound = new Bound(dateTime.toInstant(), false);
			}
			if (year >= 1 && year <= MAX_YEAR) {
				return bound;
			}
		}
		catch (DateTimeException ex) {
			// reported below
		}
		errors.add(error(field,
				"must be an ISO-8601 date (2024-11-01) or date-time (2024-11-01T10:00:00Z), was '" + value + "'"));
		return null;
	}

	private Cursor parseCursor(String value, String fingerprint, SortOrder sort,
			List<InvalidSearchRequestException.FieldError> errors) {
		CursorCodec.Decoded decoded = this.cursors.decode(value.strip(), fingerprint, sort);
		if (decoded.problem() != null) {
			errors.add(error("cursor", decoded.problem()));
		}
		return decoded.cursor();
	}

	private static Optional<String> first(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.get(name);
		return (values != null) ? values.stream().filter((v) -> v != null).findFirst() : Optional.empty();
	}

	private static List<String> all(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.get(name);
		if (values == null) {
			return List.of();
		}
		return values.stream()
			.filter((v) -> v != null)
			.map(String::strip)
			.filter((v) -> !v.isEmpty())
			.distinct()
			.toList();
	}

	private static InvalidSearchRequestException.FieldError error(String field, String message) {
		return new InvalidSearchRequestException.FieldError(field, message);
	}

	private record Bound(Instant instant, boolean exclusive) {
	}

}
