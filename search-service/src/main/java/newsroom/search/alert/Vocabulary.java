package newsroom.search.alert;

import java.util.BitSet;
import java.util.List;

import org.apache.lucene.analysis.CharArrayMap;

/**
 * Every term and term prefix the saved queries of one {@link Percolator} use, numbered,
 * and the text fields they are looked for in. An article's tokens are looked up here
 * straight from the tokenizer's buffer, so the words no query uses cost one hash look-up
 * and nothing more.
 */
final class Vocabulary {

	/** The text fields in the order {@link ArticleTerms} reads them. */
	static final List<String> FIELDS = List.of("title", "summary", "text", "entities.name.text");

	private final CharArrayMap<Integer> terms = new CharArrayMap<>(1024, false);

	private final CharArrayMap<Integer> prefixes = new CharArrayMap<>(16, false);

	/** Term ids whose positions phrases need. */
	private final BitSet positional = new BitSet();

	private int shortestPrefix = Integer.MAX_VALUE;

	private int longestPrefix;

	int term(String text) {
		return id(this.terms, text);
	}

	/** A term of a phrase: its positions in an article are kept. */
	int positionalTerm(String text) {
		int id = term(text);
		this.positional.set(id);
		return id;
	}

	boolean isPositional(int term) {
		return this.positional.get(term);
	}

	int prefix(String text) {
		this.shortestPrefix = Math.min(this.shortestPrefix, text.length());
		this.longestPrefix = Math.max(this.longestPrefix, text.length());
		return id(this.prefixes, text);
	}

	private static int id(CharArrayMap<Integer> ids, String text) {
		Integer id = ids.get(text);
		if (id == null) {
			id = ids.size();
			ids.put(text, id);
		}
		return id;
	}

	static int field(String name) {
		return FIELDS.indexOf(name);
	}

	int terms() {
		return this.terms.size();
	}

	int prefixes() {
		return this.prefixes.size();
	}

	/** The id of a token, or -1 when no query uses it. */
	int termOf(char[] buffer, int length) {
		Integer id = this.terms.get(buffer, 0, length);
		return (id != null) ? id : -1;
	}

	/** The id of the token's first characters as a prefix, or -1. */
	int prefixOf(char[] buffer, int length) {
		Integer id = this.prefixes.get(buffer, 0, length);
		return (id != null) ? id : -1;
	}

	int shortestPrefix() {
		return this.prefixes.isEmpty() ? 0 : this.shortestPrefix;
	}

	int longestPrefix() {
		return this.longestPrefix;
	}

}
