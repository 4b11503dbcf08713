package newsroom.search.alert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import newsroom.events.EnrichedArticle;

/**
 * Every alert of the moment, arranged for matching one article after another against all
 * of them (percolation), in process. The filters come first (set look-ups). Then, only
 * when a free-text alert is still in the running, the article's text fields go once
 * through the index's analyzer, each token looked up among the terms the queries use
 * ({@link ArticleTerms}); the alerts whose anchor terms turned up are the candidates, and
 * each candidate's query is decided on those look-ups ({@link TermTree}), with a memory
 * index only for phrases. Immutable: the registry swaps in a new one when alerts change.
 */
final class Percolator {

	static final Percolator EMPTY = new Percolator(List.of());

	private final CompiledAlert[] alerts;

	private final TermTree[] trees;

	private final Vocabulary vocabulary = new Vocabulary();

	/** Alert positions by the id of an anchor term. */
	private final List<List<Integer>> byTerm = new ArrayList<>();

	/** Alert positions by the id of an anchor prefix. */
	private final List<List<Integer>> byPrefix = new ArrayList<>();

	private final List<Integer> unanchored = new ArrayList<>();

	private Percolator(List<CompiledAlert> alerts) {
		this.alerts = alerts.toArray(CompiledAlert[]::new);
		this.trees = new TermTree[this.alerts.length];
		for (int i = 0; i < this.alerts.length; i++) {
			CompiledAlert alert = this.alerts[i];
			if (alert.query() == null) {
				continue;
			}
			this.trees[i] = TermTree.of(alert.query(), this.vocabulary);
			Anchors anchors = alert.anchors();
			if (anchors.always()) {
				this.unanchored.add(i);
			}
			for (String term : anchors.terms()) {
				at(this.byTerm, this.vocabulary.term(term)).add(i);
			}
			for (String prefix : anchors.prefixes()) {
				at(this.byPrefix, this.vocabulary.prefix(prefix)).add(i);
			}
		}
	}

	private static List<Integer> at(List<List<Integer>> lists, int id) {
		while (lists.size() <= id) {
			lists.add(new ArrayList<>(2));
		}
		return lists.get(id);
	}

	/**
	 * Arrange alerts for matching.
	 * @param alerts the alerts, in the order matches are reported
	 * @return the percolator
	 */
	static Percolator of(Collection<CompiledAlert> alerts) {
		return new Percolator(List.copyOf(alerts));
	}

	int size() {
		return this.alerts.length;
	}

	/**
	 * The alerts an article matches.
	 * @param article the article
	 * @param arrivedAt when its record was written (epoch millis): alerts created later
	 * do not match it
	 * @return the matching alerts, in this percolator's order
	 */
	List<Alert> match(EnrichedArticle article, long arrivedAt) {
		ArticleFacts facts = ArticleFacts.of(article);
		// 0: out, 1: in, 2: in if its free text matches.
		byte[] state = new byte[this.alerts.length];
		boolean textual = false;
		for (int i = 0; i < this.alerts.length; i++) {
			CompiledAlert alert = this.alerts[i];
			if (alert.existedAt(arrivedAt) && alert.filtersMatch(facts)) {
				state[i] = (alert.query() == null) ? (byte) 1 : (byte) 2;
				textual |= alert.query() != null;
			}
		}
		if (textual) {
			matchText(ArticleTerms.scan(article, this.vocabulary), state);
		}
		List<Alert> matches = new ArrayList<>();
		for (int i = 0; i < this.alerts.length; i++) {
			if (state[i] == 1) {
				matches.add(this.alerts[i].alert());
			}
		}
		return matches;
	}

	/**
	 * Settle every alert waiting on its free text: candidates are those whose anchors the
	 * article contains; each candidate's query is decided once.
	 */
	private void matchText(ArticleTerms terms, byte[] state) {
		for (int i : this.unanchored) {
			decide(i, terms, state);
		}
		for (int f = 0; f < terms.foundCount(); f++) {
			int id = terms.found(f);
			if (id < this.byTerm.size()) {
				for (int i : this.byTerm.get(id)) {
					decide(i, terms, state);
				}
			}
		}
		for (int id = 0; id < this.byPrefix.size(); id++) {
			if (terms.hasPrefixAnywhere(id)) {
				for (int i : this.byPrefix.get(id)) {
					decide(i, terms, state);
				}
			}
		}
		for (int i = 0; i < state.length; i++) {
			if (state[i] == 2) {
				// Not a candidate: none of its anchors is in the article.
				state[i] = 0;
			}
		}
	}

	private void decide(int i, ArticleTerms terms, byte[] state) {
		if (state[i] == 2) {
			state[i] = this.trees[i].matches(terms) ? (byte) 1 : (byte) 0;
		}
	}

}
