package newsroom.search.alert;

import java.io.IOException;
import java.io.UncheckedIOException;

import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * One article's text fields in a Lucene {@link MemoryIndex}: a one-document index in
 * memory, analysed like the search index, that saved queries needing positions (phrases)
 * run against. Built only when such a query is still in question for the article.
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

	boolean matches(Query query) {
		try {
			return this.searcher.count(query) > 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A memory index cannot fail to search", ex);
		}
	}

}
