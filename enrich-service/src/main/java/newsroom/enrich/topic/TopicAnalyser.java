package newsroom.enrich.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import newsroom.enrich.analysis.Analyser;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Stems;
import newsroom.enrich.analysis.Token;
import newsroom.enrich.text.WordTokenizer;

/**
 * Tags an English article with IPTC Media Topic top-level slugs. The first tag is the
 * {@link TopicClassifier}'s most likely topic, whenever the text has a word the model
 * knows, so an article of clear subject is never left untagged (the model's probability
 * was measured not to tell a clear subject from none: a short item about a flood can be
 * less certain than a sentence about a meeting). Further tags come from the
 * {@link TopicLexicon}: topics scoring at least {@link #THRESHOLD} and at least
 * {@link #RELATIVE} of the best lexicon score, best first, at most {@link #MAX_TAGS} in
 * all. (The classifier is trained on single-topic texts and is sure of one topic; the
 * lexicon weighs each topic on its own evidence, which is what a second tag needs.) Other
 * languages get no tags. Runs after the text stage.
 */
public final class TopicAnalyser implements Analyser {

	/**
	 * The lowest lexicon score a further topic needs. With {@link #RELATIVE}, the best
	 * pair on the dev set's tags among those that keep a clearly secondary topic, such as
	 * politics at a quarter of the war score in the sample article.
	 */
	static final double THRESHOLD = 4.0;

	/** A further topic must score at least this share of the best lexicon score. */
	static final double RELATIVE = 0.2;

	static final int MAX_TAGS = 4;

	private final TopicLexicon lexicon;

	private final TopicFeatures features;

	private final TopicClassifier classifier;

	/**
	 * Create the analyser.
	 * @param lexicon the shared lexicon
	 * @param features the feature extractor
	 * @param classifier the shared classifier
	 */
	public TopicAnalyser(TopicLexicon lexicon, TopicFeatures features, TopicClassifier classifier) {
		this.lexicon = lexicon;
		this.features = features;
		this.classifier = classifier;
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
		List<Token> title = WordTokenizer.tokenize(document.title(), 0);
		List<List<Token>> body = document.body().stream().map(Sentence::tokens).toList();
		Stems stems = document.stems();
		Map<String, Double> lexiconScores = this.lexicon.scores(title, body, stems);
		Map<String, Double> features = this.features.of(title, body, lexiconScores, stems);
		if (!this.classifier.knows(features)) {
			return;
		}
		double[] probabilities = this.classifier.probabilities(features);
		int best = 0;
		for (int t = 1; t < probabilities.length; t++) {
			best = (probabilities[t] > probabilities[best]) ? t : best;
		}
		document.setTags(tags(this.classifier.topics().get(best), lexiconScores));
	}

	static List<String> tags(String top, Map<String, Double> lexiconScores) {
		double best = lexiconScores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
		List<String> tags = new ArrayList<>(List.of(top));
		lexiconScores.entrySet()
			.stream()
			.filter((e) -> e.getValue() >= THRESHOLD && e.getValue() >= RELATIVE * best && !e.getKey().equals(top))
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(MAX_TAGS - 1)
			.forEach((e) -> tags.add(e.getKey()));
		return tags;
	}

}
