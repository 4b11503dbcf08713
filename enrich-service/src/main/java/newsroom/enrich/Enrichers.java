package newsroom.enrich;

import java.util.List;

import newsroom.enrich.analysis.Analyser;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.analysis.StageObserver;
import newsroom.enrich.duplicate.FingerprintAnalyser;
import newsroom.enrich.entity.EntityAnalyser;
import newsroom.enrich.entity.Gazetteer;
import newsroom.enrich.entity.NameFinders;
import newsroom.enrich.keyword.KeywordAnalyser;
import newsroom.enrich.language.LanguageAnalyser;
import newsroom.enrich.nlp.NlpModels;
import newsroom.enrich.story.ArticleProfiler;
import newsroom.enrich.story.StoryWeights;
import newsroom.enrich.summary.SummaryAnalyser;
import newsroom.enrich.text.TextAnalyser;
import newsroom.enrich.text.WordRanks;
import newsroom.enrich.topic.TopicAnalyser;
import newsroom.enrich.topic.TopicClassifier;
import newsroom.enrich.topic.TopicFeatures;
import newsroom.enrich.topic.TopicLexicon;

/**
 * Assembles the standard chain of analysers, the one place that knows their order:
 * language, text (sentences, tokens, body), entities, tags, keywords, summary and the
 * near-duplicate fingerprint.
 */
public final class Enrichers {

	private Enrichers() {
	}

	/**
	 * The enricher the service runs, with the rule-based entities alone.
	 * @param models the loaded OpenNLP models
	 * @param observer told how long each stage took
	 * @return the enricher
	 */
	public static Enricher standard(NlpModels models, StageObserver observer) {
		return standard(models, NameFinders.NONE, observer);
	}

	/**
	 * The enricher the service runs.
	 * @param models the loaded OpenNLP models
	 * @param nameFinders trained name-finder models whose names join the rule-based ones
	 * @param observer told how long each stage took
	 * @return the enricher
	 */
	public static Enricher standard(NlpModels models, NameFinders nameFinders, StageObserver observer) {
		return new Enricher(analysers(models, nameFinders), observer);
	}

	/**
	 * The standard chain of analysers, in the order they run.
	 * @param models the loaded OpenNLP models
	 * @param nameFinders trained name-finder models whose names join the rule-based ones
	 * @return the analysers
	 */
	public static List<Analyser> analysers(NlpModels models, NameFinders nameFinders) {
		return List.of(new LanguageAnalyser(models.languageDetector()), new TextAnalyser(models.englishSentences()),
				new EntityAnalyser(Resources.GAZETTEER, Resources.RANKS, nameFinders),
				new TopicAnalyser(Resources.TOPICS, new TopicFeatures(Resources.RANKS), Resources.CLASSIFIER),
				new KeywordAnalyser(Resources.RANKS), new SummaryAnalyser(), new FingerprintAnalyser());
	}

	/**
	 * The story profiler the service runs, on the shared word ranks.
	 * @param weights how terms are weighed
	 * @return the profiler
	 */
	public static ArticleProfiler storyProfiler(StoryWeights weights) {
		return new ArticleProfiler(Resources.RANKS, weights);
	}

	/** The word lists, read once per class loader on first use; immutable. */
	private static final class Resources {

		static final Gazetteer GAZETTEER = Gazetteer.load();

		static final WordRanks RANKS = WordRanks.load();

		static final TopicLexicon TOPICS = TopicLexicon.load();

		static final TopicClassifier CLASSIFIER = TopicClassifier.load();

	}

}
