package newsroom.search.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * One article's text fields in a Lucene {@link MemoryIndex}: a one-document index in
 * memory, analysed like the search index, that saved queries run against. Built only for
 * articles that some free-text alert could match.
 */
final class ArticleText {

	private final MemoryIndex index = new MemoryIndex();

	private final IndexSearcher searcher;

	private ArticleText(EnrichedArticle article) {
		add("title", article.title());
		add("summary", article.summary());
		add("text", article.text());
		for (Entity entity : article.entities()) {
			add("entities.name.text", entity.name());
		}
		this.searcher = this.index.createSearcher();
		this.searcher.setQueryCache(null);
	}

	static ArticleText of(EnrichedArticle article) {
		return new ArticleText(article);
	}

	private void add(String field, String value) {
		if (value != null && !value.isEmpty()) {
			this.index.addField(field, value, FreeText.ANALYZER);
		}
	}

	/**
	 * Hand every distinct term of every text field to the consumer (a term in two fields
	 * comes twice).
	 * @param consumer what to do with a term
	 */
	void forEachTerm(Consumer<String> consumer) {
		try {
			LeafReader reader = this.searcher.getIndexReader().leaves().get(0).reader();
			for (String field : FreeText.FIELDS.keySet()) {
				Terms terms = reader.terms(field);
				if (terms == null) {
					continue;
				}
				TermsEnum iterator = terms.iterator();
				for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
					consumer.accept(term.utf8ToString());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A memory index cannot fail to read", ex);
		}
	}

	boolean matches(Query query) {
		try {
			return this.searcher.count(query) > 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A memory index cannot fail to search", ex);
		}
	}

}
