package newsroom.enrich.keyword;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import newsroom.enrich.analysis.Analyser;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Stems;
import newsroom.enrich.analysis.Token;
import newsroom.enrich.text.StopWords;
import newsroom.enrich.text.WordRanks;
import newsroom.enrich.text.WordTokenizer;

/**
 * Picks up to ten lower-case key phrases, most important first, by TF-IDF without any
 * state: candidates are runs of one to three content words between stop words and
 * punctuation; a word weighs its frequency in the article (by stem, title words twice)
 * times {@code ln(1 + rank / 50)}, where the rank among the most frequent Wikipedia words
 * ({@link WordRanks}) stands in for document frequency, so "artillery" outweighs "sent".
 * A phrase scores the sum of its words' weights times {@code 1 + ln(occurrences)},
 * divided by its length to the power 0.3 (longer phrases are specific but rarer); a
 * phrase sharing a stem with a better one is skipped. Other languages, without stop words
 * or ranks, use words of at least five letters weighed by frequency. Runs after the text
 * stage.
 */
public final class KeywordAnalyser implements Analyser {

	static final int MAX_KEYWORDS = 10;

	static final int MAX_PHRASE_WORDS = 3;

	private final WordRanks ranks;

	private final Set<String> stopWords;

	/**
	 * Create the analyser.
	 * @param ranks the shared word ranks
	 */
	public KeywordAnalyser(WordRanks ranks) {
		this.ranks = ranks;
		this.stopWords = StopWords.english();
	}

	@Override
	public String name() {
		return "keywords";
	}

	@Override
	public void analyse(Document document) {
		boolean english = document.english();
		Stems stems = document.stems();
		List<List<String>> runs = new ArrayList<>();
		for (Sentence sentence : document.body()) {
			runs.addAll(runs(sentence.tokens(), english));
		}
		List<List<String>> titleRuns = runs(WordTokenizer.tokenize(document.title(), 0), english);
		Map<String, Integer> stemCounts = new HashMap<>();
		for (List<List<String>> source : List.of(runs, titleRuns, titleRuns)) {
			for (List<String> run : source) {
				for (String word : run) {
					stemCounts.merge(stems.stem(word), 1, Integer::sum);
				}
			}
		}
		Map<String, Candidate> candidates = new LinkedHashMap<>();
		for (List<String> run : runs) {
			for (int i = 0; i < run.size(); i++) {
				for (int n = 1; n <= MAX_PHRASE_WORDS && i + n <= run.size(); n++) {
					List<String> words = run.subList(i, i + n);
					if (!english && n > 1) {
						continue;
					}
					String key = key(words, stems);
					candidates.computeIfAbsent(key, (k) -> new Candidate(words, k)).count++;
				}
			}
		}
		// A phrase of several words seen once is never chosen: it is neither scored nor
		// sorted (most phrases are such).
		List<Candidate> ranked = new ArrayList<>(candidates.size());
		for (Candidate candidate : candidates.values()) {
			if (candidate.count >= 2 || candidate.words.size() == 1) {
				ranked.add(candidate);
			}
		}
		// A word is in up to six candidates: its rank is looked up once.
		Map<String, Double> informativeness = new HashMap<>();
		for (Candidate candidate : ranked) {
			double weight = 0;
			for (String word : candidate.words) {
				weight += stemCounts.getOrDefault(stems.stem(word), 1)
						* informativeness.computeIfAbsent(word, (w) -> informativeness(w, english));
			}
			candidate.score = weight * (1 + Math.log(candidate.count)) / Math.pow(candidate.words.size(), 0.3);
		}
		ranked.sort(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparing((Candidate c) -> c.key));
		List<String> keywords = new ArrayList<>();
		Set<String> used = new HashSet<>();
		for (Candidate candidate : ranked) {
			if (keywords.size() == MAX_KEYWORDS) {
				break;
			}
			List<String> candidateStems = List.of(candidate.key.split(" "));
			if (candidateStems.stream().anyMatch(used::contains)) {
				continue;
			}
			used.addAll(candidateStems);
			keywords.add(String.join(" ", candidate.words).toLowerCase(Locale.ROOT));
		}
		document.setKeywords(keywords);
	}

	/** The phrase's stems joined by spaces. */
	private static String key(List<String> words, Stems stems) {
		StringBuilder key = new StringBuilder();
		for (int i = 0; i < words.size(); i++) {
			if (i > 0) {
				key.append(' ');
			}
			key.append(stems.stem(words.get(i)));
		}
		return key.toString();
	}

	/** Runs of content words, split at stop words, numbers and punctuation. */
	private List<List<String>> runs(List<Token> tokens, boolean english) {
		List<List<String>> runs = new ArrayList<>();
		List<String> run = new ArrayList<>();
		for (Token token : tokens) {
			String word = token.text();
			if (content(word, english)) {
				run.add(word);
			}
			else if (!run.isEmpty()) {
				runs.add(run);
				run = new ArrayList<>();
			}
		}
		if (!run.isEmpty()) {
			runs.add(run);
		}
		return runs;
	}

	private boolean content(String word, boolean english) {
		if (!Character.isLetter(word.charAt(0)) || !Character.isLetter(word.charAt(word.length() - 1))) {
			return false;
		}
		if (!english) {
			return word.codePointCount(0, word.length()) >= 5;
		}
		return word.length() >= 2 && !this.stopWords.contains(word.toLowerCase(Locale.ROOT));
	}

	private double informativeness(String word, boolean english) {
		if (!english) {
			return Math.log(word.length());
		}
		return Math.log(1 + this.ranks.rank(word) / 50.0);
	}

	/** A candidate phrase. */
	private static final class Candidate {

		private final List<String> words;

		private final String key;

		private int count;

		private double score;

		Candidate(List<String> words, String key) {
			this.words = List.copyOf(words);
			this.key = key;
		}

	}

}
