package newsroom.search.alert;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * A saved query as a tree over the {@link ArticleTerms} of an article: term and prefix
 * look-ups joined with Lucene's boolean rules, so that most queries are decided without
 * an index. Phrases are decided on the positions of their terms; anything else runs as a
 * Lucene query on the article's memory index.
 */
sealed interface TermTree {

	boolean matches(ArticleTerms article);

	/**
	 * The tree of a query of the simple query parser.
	 * @param query the query
	 * @param vocabulary where its terms get their ids
	 * @return the tree
	 */
	static TermTree of(Query query, Vocabulary vocabulary) {
		if (query instanceof TermQuery term) {
			return new HasTerm(Vocabulary.field(term.getTerm().field()), vocabulary.term(term.getTerm().text()));
		}
		if (query instanceof PrefixQuery prefix) {
			return new HasPrefix(Vocabulary.field(prefix.getField()), vocabulary.prefix(prefix.getPrefix().text()));
		}
		if (query instanceof BoostQuery boost) {
			return of(boost.getQuery(), vocabulary);
		}
		if (query instanceof BooleanQuery bool) {
			return bool(bool, vocabulary);
		}
		if (query instanceof SynonymQuery synonyms) {
			return new Bool(List.of(), synonyms.getTerms()
				.stream()
				.map((term) -> (TermTree) new HasTerm(Vocabulary.field(term.field()), vocabulary.term(term.text())))
				.toList(), List.of(), 1);
		}
		if (query instanceof DisjunctionMaxQuery disjunction) {
			return new Bool(List.of(), disjunction.getDisjuncts().stream().map((q) -> of(q, vocabulary)).toList(),
					List.of(), 1);
		}
		if (query instanceof MatchAllDocsQuery) {
			return new Constant(true);
		}
		if (query instanceof MatchNoDocsQuery) {
			return new Constant(false);
		}
		if (query instanceof PhraseQuery phrase && phrase.getSlop() == 0 && phrase.getTerms().length > 0) {
			Term[] terms = phrase.getTerms();
			int[] ids = new int[terms.length];
			for (int i = 0; i < terms.length; i++) {
				ids[i] = vocabulary.positionalTerm(terms[i].text());
			}
			return new HasPhrase(Vocabulary.field(phrase.getField()), ids, phrase.getPositions());
		}
		return new Positional(query);
	}

	private static TermTree bool(BooleanQuery query, Vocabulary vocabulary) {
		List<TermTree> must = new ArrayList<>();
		List<TermTree> should = new ArrayList<>();
		List<TermTree> mustNot = new ArrayList<>();
		for (BooleanClause clause : query.clauses()) {
			TermTree tree = of(clause.getQuery(), vocabulary);
			switch (clause.getOccur()) {
				case MUST, FILTER -> must.add(tree);
				case SHOULD -> should.add(tree);
				case MUST_NOT -> mustNot.add(tree);
			}
		}
		// Without required clauses, Lucene wants at least one optional clause to match.
		int minShould = must.isEmpty() ? Math.max(1, query.getMinimumNumberShouldMatch())
				: query.getMinimumNumberShouldMatch();
		return new Bool(must, should, mustNot, minShould);
	}

	/** A term in a field; a field no article has never matches. */
	record HasTerm(int field, int id) implements TermTree {

		@Override
		public boolean matches(ArticleTerms article) {
			return this.field >= 0 && article.has(this.field, this.id);
		}

	}

	/** A term prefix in a field. */
	record HasPrefix(int field, int id) implements TermTree {

		@Override
		public boolean matches(ArticleTerms article) {
			return this.field >= 0 && article.hasPrefix(this.field, this.id);
		}

	}

	/** Lucene's boolean query: all required, none prohibited, enough optional ones. */
	record Bool(List<TermTree> must, List<TermTree> should, List<TermTree> mustNot, int minShould) implements TermTree {

		@Override
		public boolean matches(ArticleTerms article) {
			for (TermTree tree : this.must) {
				if (!tree.matches(article)) {
					return false;
				}
			}
			for (TermTree tree : this.mustNot) {
				if (tree.matches(article)) {
					return false;
				}
			}
			int matched = 0;
			for (int i = 0; i < this.should.size() && matched < this.minShould; i++) {
				matched += this.should.get(i).matches(article) ? 1 : 0;
			}
			return matched >= this.minShould;
		}

	}

	/** Terms one after another in a field, at the phrase's offsets. */
	record HasPhrase(int field, int[] ids, int[] offsets) implements TermTree {

		@Override
		public boolean matches(ArticleTerms article) {
			for (int id : this.ids) {
				if (this.field < 0 || !article.has(this.field, id)) {
					return false;
				}
			}
			return article.hasPhrase(this.field, this.ids, this.offsets);
		}

	}

	/** Every article, or none. */
	record Constant(boolean value) implements TermTree {

		@Override
		public boolean matches(ArticleTerms article) {
			return this.value;
		}

	}

	/** Any other query: run on the article's memory index. */
	record Positional(Query query) implements TermTree {

		@Override
		public boolean matches(ArticleTerms article) {
			return article.matches(this.query);
		}

	}

}
