package newsroom.enrich.topic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import newsroom.enrich.analysis.Stems;
import newsroom.enrich.analysis.Token;
import newsroom.enrich.text.WordTokenizer;

/**
 * The weighted terms of each IPTC Media Topic, read once from {@code topics/lexicon.tsv},
 * keyed by the Porter stems of their words. Immutable and shared between threads.
 */
public final class TopicLexicon {

	private static final String RESOURCE = "/topics/lexicon.tsv";

	private static final int TITLE_WEIGHT = 2;

	private final Map<String, List<Weight>> terms;

	private final int longestTerm;

	/**
	 * The proper prefixes of the terms of several words: a run of stems that starts no
	 * term ends the search for longer ones there, as it does for nearly every word.
	 */
	private final Set<String> prefixes = new HashSet<>();

	private TopicLexicon(Map<String, List<Weight>> terms) {
		this.terms = Collections.unmodifiableMap(new HashMap<>(terms));
		this.longestTerm = terms.keySet().stream().mapToInt((key) -> key.split(" ").length).max().orElse(1);
		for (String key : terms.keySet()) {
			for (int space = key.indexOf(' '); space > 0; space = key.indexOf(' ', space + 1)) {
				this.prefixes.add(key.substring(0, space));
			}
		}
	}

	/**
	 * Read the lexicon from the classpath.
	 * @return the lexicon
	 */
	public static TopicLexicon load() {
		Map<String, List<Weight>> terms = new HashMap<>();
		try (InputStream in = TopicLexicon.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] columns = line.split("\t");
				String key = WordTokenizer.tokenize(columns[2], 0)
					.stream()
					.map(Token::text)
					.map(Stems::compute)
					.collect(Collectors.joining(" "));
				terms.computeIfAbsent(key, (k) -> new ArrayList<>())
					.add(new Weight(columns[0], Integer.parseInt(columns[1])));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
		terms.replaceAll((key, weights) -> List.copyOf(weights));
		return new TopicLexicon(terms);
	}

	/**
	 * Each topic's score in an article: its terms' weights (title words twice), divided
	 * by {@code 1 + words / 150} so that long articles do not collect every topic.
	 * @param title the headline's tokens
	 * @param body the body sentences' tokens
	 * @param stems the article's stems, shared with the other topic features
	 * @return the scores of the topics with any
	 */
	public Map<String, Double> scores(List<Token> title, List<List<Token>> body, Stems stems) {
		Map<String, Double> raw = new HashMap<>();
		int words = 0;
		for (List<Token> sentence : body) {
			words += add(raw, stems, sentence, 1);
		}
		add(raw, stems, title, TITLE_WEIGHT);
		double length = 1.0 + words / 150.0;
		Map<String, Double> scores = new HashMap<>();
		raw.forEach((topic, score) -> scores.put(topic, score / length));
		return scores;
	}

	private int add(Map<String, Double> scores, Stems stems, List<Token> tokens, int factor) {
		List<String> words = new ArrayList<>(tokens.size());
		for (Token token : tokens) {
			if (Character.isLetterOrDigit(token.text().charAt(0))) {
				words.add(stems.stem(token.text()));
			}
		}
		StringBuilder key = new StringBuilder();
		for (int i = 0; i < words.size(); i++) {
			key.setLength(0);
			for (int length = 1; length <= this.longestTerm && i + length <= words.size(); length++) {
				if (length > 1) {
					key.append(' ');
				}
				key.append(words.get(i + length - 1));
				String term = key.toString();
				for (Weight weight : weights(term)) {
					scores.merge(weight.topic(), (double) weight.weight() * factor, Double::sum);
				}
				if (!this.prefixes.contains(term)) {
					break;
				}
			}
		}
		return words.size();
	}

	List<Weight> weights(String stems) {
		return this.terms.getOrDefault(stems, List.of());
	}

	int longestTerm() {
		return this.longestTerm;
	}

	/**
	 * One topic a term points at.
	 *
	 * @param topic the IPTC slug
	 * @param weight how strongly, 1 to 3
	 */
	record Weight(String topic, int weight) {
	}

}
