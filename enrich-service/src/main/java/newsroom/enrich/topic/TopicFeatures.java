package newsroom.enrich.topic;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import newsroom.enrich.analysis.Stems;
import newsroom.enrich.analysis.Token;
import newsroom.enrich.text.WordRanks;

/**
 * What the {@link TopicClassifier} reads of an article: the Porter stems of its words
 * (title words twice, the hundred and fifty commonest English words left out), as
 * {@code log(1 + count)} scaled to unit length, so a headline and a long article weigh
 * alike; and each topic's {@link TopicLexicon} score, as {@code log(1 + score)}.
 */
public final class TopicFeatures {

	static final int TITLE_WEIGHT = 2;

	/** Words at least this common are function words, not topic evidence. */
	static final int FUNCTION_WORDS = 150;

	static final String BIAS = "bias";

	/** The stems of the commonest words, checked per token without a rank look-up. */
	private final Set<String> functionStems = new HashSet<>();

	/**
	 * Create the extractor.
	 * @param ranks the shared word ranks
	 */
	public TopicFeatures(WordRanks ranks) {
		ranks.mostCommon(FUNCTION_WORDS).forEach((word) -> this.functionStems.add(Stems.compute(word)));
	}

	/**
	 * The features of an article.
	 * @param title the headline's tokens
	 * @param body the body sentences' tokens
	 * @param lexiconScores the article's {@link TopicLexicon} scores
	 * @param stems the article's stems, shared with the lexicon
	 * @return feature name to value
	 */
	public Map<String, Double> of(List<Token> title, List<List<Token>> body, Map<String, Double> lexiconScores,
			Stems stems) {
		Map<String, Double> counts = new HashMap<>();
		count(counts, stems, title, TITLE_WEIGHT);
		for (List<Token> sentence : body) {
			count(counts, stems, sentence, 1);
		}
		Map<String, Double> features = new HashMap<>();
		double norm = 0;
		for (Map.Entry<String, Double> entry : counts.entrySet()) {
			double value = Math.log1p(entry.getValue());
			features.put(entry.getKey(), value);
			norm += value * value;
		}
		double length = Math.sqrt(norm);
		if (length > 0) {
			features.replaceAll((name, value) -> value / length);
		}
		lexiconScores.forEach((topic, score) -> features.put("lex:" + topic, Math.log1p(score)));
		features.put(BIAS, 1.0);
		return features;
	}

	private void count(Map<String, Double> counts, Stems stems, List<Token> tokens, int weight) {
		for (Token token : tokens) {
			String word = token.text();
			if (Character.isLetter(word.charAt(0)) && word.length() > 1) {
				String stem = stems.stem(word);
				if (!this.functionStems.contains(stem)) {
					counts.merge("w:" + stem, (double) weight, Double::sum);
				}
			}
		}
	}

}
