package newsroom.search.alert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import newsroom.events.EnrichedArticle;

/**
 * Every alert of the moment, arranged for matching one article after another against all
 * of them (percolation), in process: the filters first (set look-ups), then, only when a
 * free-text alert is still in the running, the article's text in a {@link ArticleText}
 * memory index, whose terms pick the alerts whose anchors they contain, and only those
 * queries are run. Immutable: the registry swaps in a new one when alerts change.
 */
final class Percolator {

	static final Percolator EMPTY = new Percolator(List.of());

	private final CompiledAlert[] alerts;

	private final Map<String, int[]> byTerm;

	private final Map<String, int[]> byPrefix;

	private final int[] unanchored;

	private final int shortestPrefix;

	private final int longestPrefix;

	private Percolator(List<CompiledAlert> alerts) {
		this.alerts = alerts.toArray(CompiledAlert[]::new);
		Map<String, List<Integer>> terms = new HashMap<>();
		Map<String, List<Integer>> prefixes = new HashMap<>();
		List<Integer> unanchored = new ArrayList<>();
		for (int i = 0; i < this.alerts.length; i++) {
			Anchors anchors = this.alerts[i].anchors();
			if (this.alerts[i].query() == null) {
				continue;
			}
			if (anchors.always()) {
				unanchored.add(i);
			}
			for (String term : anchors.terms()) {
				terms.computeIfAbsent(term, (key) -> new ArrayList<>()).add(i);
			}
			for (String prefix : anchors.prefixes()) {
				prefixes.computeIfAbsent(prefix, (key) -> new ArrayList<>()).add(i);
			}
		}
		this.byTerm = positions(terms);
		this.byPrefix = positions(prefixes);
		this.unanchored = unanchored.stream().mapToInt(Integer::intValue).toArray();
		this.shortestPrefix = prefixes.keySet().stream().mapToInt(String::length).min().orElse(0);
		this.longestPrefix = prefixes.keySet().stream().mapToInt(String::length).max().orElse(0);
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
			matchText(ArticleText.of(article), state);
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
	 * article contains; each candidate's query runs once.
	 */
	private void matchText(ArticleText text, byte[] state) {
		boolean[] candidate = new boolean[this.alerts.length];
		for (int i : this.unanchored) {
			candidate[i] = true;
		}
		text.forEachTerm((term) -> {
			mark(this.byTerm.get(term), candidate);
			for (int length = this.shortestPrefix; length > 0
					&& length <= Math.min(term.length(), this.longestPrefix); length++) {
				mark(this.byPrefix.get(term.substring(0, length)), candidate);
			}
		});
		for (int i = 0; i < this.alerts.length; i++) {
			if (state[i] == 2) {
				state[i] = (candidate[i] && text.matches(this.alerts[i].query())) ? (byte) 1 : (byte) 0;
			}
		}
	}

	private static void mark(int[] positions, boolean[] candidate) {
		if (positions != null) {
			for (int i : positions) {
				candidate[i] = true;
			}
		}
	}

	private static Map<String, int[]> positions(Map<String, List<Integer>> lists) {
		Map<String, int[]> positions = new HashMap<>();
		lists.forEach((key, list) -> positions.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
		return Map.copyOf(positions);
	}

}
