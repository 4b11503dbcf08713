package newsroom.search.alert;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * What an article must contain for a free-text query to have a chance: one of a few terms
 * or term prefixes, in any text field. Percolation looks these up in the article's terms
 * and runs only the queries they point at, instead of every saved query on every article.
 * It is a necessary condition only (the query itself decides), so anything this class
 * does not understand is {@link #any()}: always a candidate.
 *
 * @param terms whole terms, one of which (or one of the prefixes) the article must have
 * @param prefixes term prefixes
 * @param always whether the query may match an article without any particular term (a
 * negation on its own)
 */
record Anchors(Set<String> terms, Set<String> prefixes, boolean always) {

	private static final Anchors ANY = new Anchors(Set.of(), Set.of(), true);

	private static final Anchors NONE = new Anchors(Set.of(), Set.of(), false);

	Anchors {
		terms = Set.copyOf(terms);
		prefixes = Set.copyOf(prefixes);
	}

	static Anchors any() {
		return ANY;
	}

	/**
	 * The anchors of a parsed query.
	 * @param query a query of the simple query parser
	 * @return terms one of which a matching article has, or {@link #any()}
	 */
	static Anchors of(Query query) {
		if (query instanceof TermQuery term) {
			return term(term.getTerm());
		}
		if (query instanceof PrefixQuery prefix) {
			return new Anchors(Set.of(), Set.of(prefix.getPrefix().text()), false);
		}
		if (query instanceof PhraseQuery phrase) {
			// Every term of a phrase is required: the longest is the rarest guess.
			return longest(phrase.getTerms());
		}
		if (query instanceof BoostQuery boost) {
			return of(boost.getQuery());
		}
		if (query instanceof SynonymQuery synonyms) {
			return union(synonyms.getTerms().stream().map(Anchors::term).toList());
		}
		if (query instanceof DisjunctionMaxQuery disjunction) {
			return union(disjunction.getDisjuncts().stream().map(Anchors::of).toList());
		}
		if (query instanceof BooleanQuery bool) {
			return ofBoolean(bool);
		}
		if (query instanceof MatchNoDocsQuery) {
			return NONE;
		}
		// MatchAllDocsQuery (beside a negation) and anything else: no shortcut.
		return ANY;
	}

	private static Anchors ofBoolean(BooleanQuery bool) {
		Anchors best = null;
		boolean required = false;
		for (BooleanClause clause : bool.clauses()) {
			if (clause.isRequired()) {
				required = true;
				Anchors anchors = of(clause.getQuery());
				if (!anchors.always() && (best == null || anchors.size() < best.size())) {
					best = anchors;
				}
			}
		}
		if (required) {
			// All required clauses must match: the narrowest one is enough to look for.
			return (best != null) ? best : ANY;
		}
		// Only optional (and prohibited) clauses: one of the optional ones must match.
		return union(bool.clauses()
			.stream()
			.filter((clause) -> clause.getOccur() == BooleanClause.Occur.SHOULD)
			.map((clause) -> of(clause.getQuery()))
			.toList());
	}

	private static Anchors term(Term term) {
		return new Anchors(Set.of(term.text()), Set.of(), false);
	}

	private static Anchors longest(Term[] terms) {
		if (terms.length == 0) {
			return ANY;
		}
		Term longest = Arrays.stream(terms).max(Comparator.comparingInt((t) -> t.bytes().length)).get();
		return term(longest);
	}

	private static Anchors union(Iterable<Anchors> all) {
		Set<String> terms = new HashSet<>();
		Set<String> prefixes = new HashSet<>();
		for (Anchors anchors : all) {
			if (anchors.always()) {
				return ANY;
			}
			terms.addAll(anchors.terms());
			prefixes.addAll(anchors.prefixes());
		}
		return new Anchors(terms, prefixes, false);
	}

	private int size() {
		return this.terms.size() + this.prefixes.size();
	}

}
