package newsroom.search.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.Query;

/**
 * Which of the saved queries' terms and prefixes an article has, field by field: its text
 * fields run once through the index's analyzer, each token looked up in the
 * {@link Vocabulary}; the positions of the terms phrases use are kept too. Anything else
 * that needs positions goes to a {@link ArticleText} memory index, built only when such a
 * query is still in question.
 */
final class ArticleTerms {

	private final EnrichedArticle article;

	private final boolean[][] terms;

	private final boolean[][] prefixes;

	/** Term ids found in any field, each once, in the order found. */
	private final int[] found;

	private int foundCount;

	private final boolean[] anyField;

	private final boolean[] anyPrefix;

	/** Positions of phrase terms, by field then term; the others stay null. */
	private final int[][] positions;

	private final int[] positionCounts;

	private final int termCount;

	/** The last position used in each field, across the values of a multi-valued one. */
	private final int[] lastPosition;

	private ArticleText text;

	private ArticleTerms(EnrichedArticle article, Vocabulary vocabulary) {
		this.article = article;
		int fields = Vocabulary.FIELDS.size();
		this.terms = new boolean[fields][vocabulary.terms()];
		this.prefixes = new boolean[fields][vocabulary.prefixes()];
		this.anyField = new boolean[vocabulary.terms()];
		this.anyPrefix = new boolean[vocabulary.prefixes()];
		this.found = new int[vocabulary.terms()];
		this.termCount = vocabulary.terms();
		this.positions = new int[fields * this.termCount][];
		this.positionCounts = new int[fields * this.termCount];
		this.lastPosition = new int[fields];
		Arrays.fill(this.lastPosition, -1);
	}

	static ArticleTerms scan(EnrichedArticle article, Vocabulary vocabulary) {
		ArticleTerms terms = new ArticleTerms(article, vocabulary);
		terms.read(0, article.title(), vocabulary);
		terms.read(1, article.summary(), vocabulary);
		terms.read(2, article.text(), vocabulary);
		for (Entity entity : article.entities()) {
			terms.read(3, entity.name(), vocabulary);
		}
		return terms;
	}

	private void read(int field, String value, Vocabulary vocabulary) {
		if (value == null || value.isEmpty()) {
			return;
		}
		String name = Vocabulary.FIELDS.get(field);
		int shortest = vocabulary.shortestPrefix();
		int longest = vocabulary.longestPrefix();
		// A second value of a field starts a position gap later, so no phrase spans two.
		int position = -1;
		if (this.lastPosition[field] >= 0) {
			position = this.lastPosition[field] + FreeText.ANALYZER.getPositionIncrementGap(name);
		}
		try (TokenStream tokens = FreeText.ANALYZER.tokenStream(name, value)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				position += increment.getPositionIncrement();
				char[] buffer = term.buffer();
				int length = term.length();
				int id = vocabulary.termOf(buffer, length);
				if (id >= 0) {
					if (vocabulary.isPositional(id)) {
						addPosition(field, id, position);
					}
					this.terms[field][id] = true;
					if (!this.anyField[id]) {
						this.anyField[id] = true;
						this.found[this.foundCount++] = id;
					}
				}
				int upTo = (shortest > 0) ? Math.min(length, longest) : 0;
				for (int prefix = shortest; prefix <= upTo; prefix++) {
					int prefixId = vocabulary.prefixOf(buffer, prefix);
					if (prefixId >= 0) {
						this.prefixes[field][prefixId] = true;
						this.anyPrefix[prefixId] = true;
					}
				}
			}
			tokens.end();
			this.lastPosition[field] = position;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading a string cannot fail", ex);
		}
	}

	private void addPosition(int field, int term, int position) {
		int at = field * this.termCount + term;
		int[] held = this.positions[at];
		int count = this.positionCounts[at];
		if (held == null || held.length == count) {
			held = Arrays.copyOf((held != null) ? held : new int[0], Math.max(4, count * 2));
			this.positions[at] = held;
		}
		held[count] = position;
		this.positionCounts[at] = count + 1;
	}

	/**
	 * Whether the terms follow each other in a field as the phrase wants.
	 * @param field the field
	 * @param terms the phrase's term ids
	 * @param offsets each term's position in the phrase
	 * @return {@code true} when the phrase is in the field
	 */
	boolean hasPhrase(int field, int[] terms, int[] offsets) {
		int base = field * this.termCount;
		int[] first = this.positions[base + terms[0]];
		int occurrences = (first != null) ? this.positionCounts[base + terms[0]] : 0;
		for (int p = 0; p < occurrences; p++) {
			int start = first[p] - offsets[0];
			boolean all = true;
			for (int i = 1; i < terms.length && all; i++) {
				int[] held = this.positions[base + terms[i]];
				all = held != null
						&& Arrays.binarySearch(held, 0, this.positionCounts[base + terms[i]], start + offsets[i]) >= 0;
			}
			if (all) {
				return true;
			}
		}
		return false;
	}

	boolean has(int field, int term) {
		return this.terms[field][term];
	}

	boolean hasPrefix(int field, int prefix) {
		return this.prefixes[field][prefix];
	}

	boolean hasPrefixAnywhere(int prefix) {
		return this.anyPrefix[prefix];
	}

	int foundCount() {
		return this.foundCount;
	}

	int found(int index) {
		return this.found[index];
	}

	/** Run a query that needs positions, on a memory index of the article made once. */
	boolean matches(Query query) {
		if (this.text == null) {
			this.text = ArticleText.of(this.article);
		}
		return this.text.matches(query);
	}

}
