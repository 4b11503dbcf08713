package newsroom.search.alert;

import java.io.IOException;
import java.io.UncheckedIOException;

import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.Query;

/**
 * Which of the saved queries' terms and prefixes an article has, field by field: its text
 * fields run once through the index's analyzer, each token looked up in the
 * {@link Vocabulary}. Phrases need positions: for them the article goes into a
 * {@link ArticleText} memory index, built only when such a query is still in question.
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

	private ArticleText text;

	private ArticleTerms(EnrichedArticle article, Vocabulary vocabulary) {
		this.article = article;
		int fields = Vocabulary.FIELDS.size();
		this.terms = new boolean[fields][vocabulary.terms()];
		this.prefixes = new boolean[fields][vocabulary.prefixes()];
		this.anyField = new boolean[vocabulary.terms()];
		this.anyPrefix = new boolean[vocabulary.prefixes()];
		this.found = new int[vocabulary.terms()];
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
		try (TokenStream tokens = FreeText.ANALYZER.tokenStream(name, value)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				char[] buffer = term.buffer();
				int length = term.length();
				int id = vocabulary.termOf(buffer, length);
				if (id >= 0) {
					this.terms[field][id] = true;
					if (!this.anyField[id]) {
						this.anyField[id] = true;
						this.found[this.foundCount++] = id;
					}
				}
				for (int prefix = shortest; prefix > 0 && prefix <= Math.min(length, longest); prefix++) {
					int prefixId = vocabulary.prefixOf(buffer, prefix);
					if (prefixId >= 0) {
						this.prefixes[field][prefixId] = true;
						this.anyPrefix[prefixId] = true;
					}
				}
			}
			tokens.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading a string cannot fail", ex);
		}
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
