package newsroom.enrich.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import newsroom.enrich.analysis.Analyser;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Token;
import newsroom.enrich.text.Furniture;

/**
 * Writes an extractive summary: one to three whole prose sentences of the article's body,
 * together at most 600 characters, never a heading or page furniture, never a dateline
 * ("GENEVA (Newsroom) -"), and never a sentence that mostly repeats one already picked
 * (redundancy control: at least {@link #REDUNDANT} of its content words already used).
 * The service runs {@link Method#LEAD}: news puts the point first, and no other method
 * has been shown to beat the lead on summaries written by others (see the README).
 * {@link Method#CENTRAL} stays for comparison. Runs after the text stage.
 */
public final class SummaryAnalyser implements Analyser {

	/** The event contract's limit. */
	static final int MAX_CHARS = 600;

	/** The event contract's limit. */
	static final int MAX_SENTENCES = 3;

	/**
	 * Share of a sentence's content words already in the summary that makes it redundant.
	 */
	static final double REDUNDANT = 0.6;

	/**
	 * Weight of a sentence's position against its centrality, for {@link Method#CENTRAL}.
	 */
	static final double POSITION_WEIGHT = 0.5;

	private static final String ELLIPSIS = "…";

	private final Method method;

	/** Create the analyser with the lead, the method the service runs. */
	public SummaryAnalyser() {
		this(Method.LEAD);
	}

	/**
	 * Create the analyser with a given method.
	 * @param method how sentences are chosen
	 */
	public SummaryAnalyser(Method method) {
		this.method = method;
	}

	@Override
	public String name() {
		return "summary";
	}

	@Override
	public void analyse(Document document) {
		List<Candidate> candidates = candidates(document);
		List<Candidate> picked = (this.method == Method.LEAD) ? lead(candidates) : central(candidates);
		picked.sort(Comparator.comparingInt(Candidate::index));
		document.setSummary(picked.isEmpty() ? fallback(document)
				: String.join(" ", picked.stream().map(Candidate::text).toList()));
	}

	private static List<Candidate> candidates(Document document) {
		// The body is already free of boilerplate; only text without one falls back to
		// all
		// sentences, then checked in full.
		boolean body = !document.body().isEmpty();
		List<Sentence> sentences = body ? document.body() : document.sentences();
		List<Candidate> candidates = new ArrayList<>();
		for (Sentence sentence : sentences) {
			String text = normalise(sentence.text());
			if (candidates.isEmpty()) {
				text = Dateline.strip(text);
			}
			boolean furniture = body ? Furniture.fragment(text) : Furniture.test(text, document.title());
			if (!furniture && text.length() <= MAX_CHARS) {
				candidates.add(new Candidate(candidates.size(), text, contentWords(sentence.tokens())));
			}
		}
		return candidates;
	}

	/** The first sentences in order, skipping redundant ones, while they fit. */
	private static List<Candidate> lead(List<Candidate> candidates) {
		List<Candidate> picked = new ArrayList<>();
		Set<String> used = new HashSet<>();
		int length = 0;
		for (Candidate candidate : candidates) {
			if (redundant(candidate, used)) {
				continue;
			}
			int next = picked.isEmpty() ? candidate.text().length() : length + 1 + candidate.text().length();
			if (next > MAX_CHARS) {
				// Stop rather than skip, so that the summary reads as consecutive prose.
				break;
			}
			picked.add(candidate);
			used.addAll(candidate.words());
			length = next;
			if (picked.size() == MAX_SENTENCES) {
				break;
			}
		}
		return picked;
	}

	/**
	 * Sentences closest to the article's centroid of content words, favouring early ones,
	 * picked greedily while they fit and add something new.
	 */
	private static List<Candidate> central(List<Candidate> candidates) {
		Map<String, Integer> centroid = new HashMap<>();
		candidates.forEach((c) -> c.words().forEach((w) -> centroid.merge(w, 1, Integer::sum)));
		List<Candidate> ranked = new ArrayList<>(candidates);
		Map<Candidate, Double> scores = new HashMap<>();
		double norm = Math.sqrt(centroid.values().stream().mapToDouble((v) -> v * v).sum());
		for (Candidate candidate : candidates) {
			double dot = candidate.words().stream().mapToDouble(centroid::get).sum();
			double centrality = (candidate.words().isEmpty() || norm == 0) ? 0
					: dot / (Math.sqrt(candidate.words().size()) * norm);
			double position = 1.0 / (1 + candidate.index());
			scores.put(candidate, (1 - POSITION_WEIGHT) * centrality + POSITION_WEIGHT * position);
		}
		ranked.sort(Comparator.comparingDouble((Candidate c) -> -scores.get(c)).thenComparingInt(Candidate::index));
		List<Candidate> picked = new ArrayList<>();
		Set<String> used = new HashSet<>();
		int length = 0;
		for (Candidate candidate : ranked) {
			int next = picked.isEmpty() ? candidate.text().length() : length + 1 + candidate.text().length();
			if (next > MAX_CHARS || redundant(candidate, used)) {
				continue;
			}
			picked.add(candidate);
			used.addAll(candidate.words());
			length = next;
			if (picked.size() == MAX_SENTENCES) {
				break;
			}
		}
		return picked;
	}

	private static boolean redundant(Candidate candidate, Set<String> used) {
		if (candidate.words().isEmpty() || used.isEmpty()) {
			return false;
		}
		long seen = candidate.words().stream().filter(used::contains).count();
		return seen >= REDUNDANT * candidate.words().size();
	}

	/** Lower-case words of four letters or more: content words in most languages. */
	private static Set<String> contentWords(List<Token> tokens) {
		Set<String> words = new HashSet<>();
		for (Token token : tokens) {
			String text = token.text();
			if (text.codePointCount(0, text.length()) >= 4 && Character.isLetter(text.codePointAt(0))) {
				words.add(text.toLowerCase(Locale.ROOT));
			}
		}
		return words;
	}

	/**
	 * Text without a single usable sentence (one run-on paragraph, a list of lines) still
	 * gets its opening words, cut at a word boundary, rather than no summary at all.
	 */
	private static String fallback(Document document) {
		String text = normalise(document.text());
		if (text.length() <= MAX_CHARS) {
			return text;
		}
		int cut = text.lastIndexOf(' ', MAX_CHARS - ELLIPSIS.length());
		if (cut <= 0) {
			cut = MAX_CHARS - ELLIPSIS.length();
		}
		return text.substring(0, cut).stripTrailing() + ELLIPSIS;
	}

	private static String normalise(String text) {
		return Furniture.normalise(text);
	}

	/** How sentences are chosen. */
	public enum Method {

		/**
		 * The first prose sentences, in order (lead-3 with furniture and redundancy
		 * control).
		 */
		LEAD,

		/** The sentences nearest the article's centroid, weighted by position. */
		CENTRAL

	}

	private record Candidate(int index, String text, Set<String> words) {
	}

}
