package newsroom.search.parameter;

import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code q} parameter as Elasticsearch's {@code simple_query_string} gets it: the
 * words OR and AND as its operators, and without what would make the node expand one term
 * into many (leading or short wildcards, fuzziness, slop). Shared by the search and by
 * saved searches (alerts), so that both read a text alike.
 */
public final class QueryText {

	/**
	 * Letters or digits a term needs before a trailing {@code *}: a shorter prefix would
	 * expand to a large part of the terms dictionary.
	 */
	static final int MIN_PREFIX_LENGTH = 3;

	/**
	 * A bare upper-case OR or AND between terms, outside quotes. Simple query strings
	 * spell them {@code |} and {@code +}; people type the words.
	 */
	private static final Pattern QUOTED_OR_OPERATOR = Pattern.compile("\"[^\"]*\"?|(?<=^|\\s)(OR|AND)(?=\\s|$)");

	/** A quoted phrase (kept as it is), or a run of {@code *} with what precedes it. */
	private static final Pattern QUOTED_OR_WILDCARD = Pattern.compile("\"[^\"]*\"?|([\\p{L}\\p{N}]*)(\\*+)");

	/** Fuzziness ({@code word~2}) and phrase slop ({@code "a b"~3}). */
	private static final Pattern FUZZY_OR_SLOP = Pattern.compile("~\\d*");

	private QueryText() {
	}

	/**
	 * The query to run for a text.
	 * @param text the query as typed, stripped and not empty
	 * @return the simple query string, or empty when nothing but wildcards is left
	 */
	public static Optional<String> simpleQueryString(String text) {
		String query = withoutExpansion(toSimpleQueryString(text));
		return query.isEmpty() ? Optional.empty() : Optional.of(query);
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
		String withoutFuzziness = FUZZY_OR_SLOP.matcher(text).replaceAll("");
		return QUOTED_OR_WILDCARD.matcher(withoutFuzziness)
			.replaceAll((match) -> Matcher.quoteReplacement(withoutShortWildcard(match)))
			.strip();
	}

	/**
	 * Rewrite the words OR and AND between terms into the operators of the simple query
	 * string syntax; quoted phrases stay as they are.
	 * @param text the query as typed
	 * @return the query for Elasticsearch's {@code simple_query_string}
	 */
	static String toSimpleQueryString(String text) {
		return QUOTED_OR_OPERATOR.matcher(text).replaceAll((match) -> Matcher.quoteReplacement(operator(match)));
	}

	private static String withoutShortWildcard(MatchResult match) {
		if (match.group(2) == null) {
			return match.group();
		}
		String prefix = match.group(1);
		return (prefix.codePointCount(0, prefix.length()) >= MIN_PREFIX_LENGTH) ? prefix + "*" : prefix;
	}

	private static String operator(MatchResult match) {
		if ("OR".equals(match.group(1))) {
			return "|";
		}
		if ("AND".equals(match.group(1))) {
			return "+";
		}
		return match.group();
	}

}
