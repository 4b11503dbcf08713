package newsroom.enrich;

import java.util.List;

import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.analysis.StageObserver;
import newsroom.enrich.language.LanguageAnalyser;
import newsroom.enrich.nlp.NlpModels;
import newsroom.enrich.summary.SummaryAnalyser;
import newsroom.enrich.text.TextAnalyser;

/**
 * Assembles the standard chain of analysers, the one place that knows their order.
 * Entity, IPTC tag, keyword and near-duplicate analysers join the chain here.
 */
public final class Enrichers {

	private Enrichers() {
	}

	/**
	 * The enricher the service runs.
	 * @param models the loaded OpenNLP models
	 * @param observer told how long each stage took
	 * @return the enricher
	 */
	public static Enricher standard(NlpModels models, StageObserver observer) {
		return new Enricher(
				List.of(new LanguageAnalyser(models.languageDetector()),
						new TextAnalyser(models.englishSentences(), models.englishTokens()), new SummaryAnalyser()),
				observer);
	}

}
