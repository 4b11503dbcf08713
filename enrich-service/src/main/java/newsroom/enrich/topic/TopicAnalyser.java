package newsroom.enrich.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import newsroom.enrich.analysis.Analyser;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Token;
import newsroom.enrich.text.Stems;
import newsroom.enrich.text.WordTokenizer;

/**
 * Tags an English article with IPTC Media Topic top-level slugs from a weighted lexicon
 * ({@link TopicLexicon}). Each topic scores the weights of its terms found in the body
 * (title words count twice), divided by {@code 1 + words / 150} so that long articles do
 * not collect every topic. Topics scoring at least {@link #THRESHOLD} and at least
 * {@link #RELATIVE} of the best one are kept, best first, at most {@link #MAX_TAGS}.
 * Other languages get no tags. Runs after the text stage.
 */
public final class TopicAnalyser implements Analyser {

	/**
	 * The lowest normalised score a topic needs. With {@link #RELATIVE}, the best pair on
	 * the dev set (tags F1 0.852) among those that keep a clearly secondary topic, such
	 * as politics at a quarter of the war score in the sample article.
	 */
	static final double THRESHOLD = 4.0;

	/** A second topic must score at least this share of the first. */
	static final double RELATIVE = 0.2;

	static final int MAX_TAGS = 4;

	static final int TITLE_WEIGHT = 2;

	private final TopicLexicon lexicon;

	/**
	 * Create the analyser.
	 * @param lexicon the shared lexicon
	 */
	public TopicAnalyser(TopicLexicon lexicon) {
		this.lexicon = lexicon;
	}

	@Override
	public String name() {
		return "tags";
	}

	@Override
	public void analyse(Document document) {
		if (!document.english()) {
			return;
		}
		document.setTags(tags(scores(document)));
	}

	/**
	 * Each topic's normalised score.
	 * @param document the article, after the text stage
	 * @return the scores of the topics with any
	 */
	Map<String, Double> scores(Document document) {
		Stems stems = new Stems();
		Map<String, Double> raw = new HashMap<>();
		int words = 0;
		for (Sentence sentence : document.body()) {
			words += add(raw, stems, sentence.tokens(), 1);
		}
		add(raw, stems, WordTokenizer.tokenize(document.title(), 0), TITLE_WEIGHT);
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
		int longest = this.lexicon.longestTerm();
		StringBuilder key = new StringBuilder();
		for (int i = 0; i < words.size(); i++) {
			key.setLength(0);
			for (int length = 1; length <= longest && i + length <= words.size(); length++) {
				if (length > 1) {
					key.append(' ');
				}
				key.append(words.get(i + length - 1));
				for (TopicLexicon.Weight weight : this.lexicon.weights(key.toString())) {
					scores.merge(weight.topic(), (double) weight.weight() * factor, Double::sum);
				}
			}
		}
		return words.size();
	}

	static List<String> tags(Map<String, Double> scores) {
		double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
		return scores.entrySet()
			.stream()
			.filter((e) -> e.getValue() >= THRESHOLD && e.getValue() >= RELATIVE * best)
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(MAX_TAGS)
			.map(Map.Entry::getKey)
			.toList();
	}

}
