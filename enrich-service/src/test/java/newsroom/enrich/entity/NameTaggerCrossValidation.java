package newsroom.enrich.entity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.analysis.StageObserver;
import newsroom.enrich.eval.LabelledDocument;
import newsroom.enrich.eval.WikiGold;
import newsroom.enrich.eval.WikiGoldEvaluation;
import newsroom.enrich.language.LanguageAnalyser;
import newsroom.enrich.nlp.NlpModels;
import newsroom.enrich.text.TextAnalyser;
import newsroom.enrich.text.WordRanks;

/**
 * Cross-validation on the WikiGold dev part (a command for developing the tagger, not a
 * test): for each of five folds of 20 dev articles, trains on the other 80 (plus the
 * annotated news unless {@code -Dholdout=*}) and scores the fold with the service's
 * pipeline, document level, as {@link WikiGoldEvaluation} does. The test part is never
 * read: choices are made here, and the test figure is taken once, after.
 *
 * <pre>
 * bench/enrich/run.sh newsroom.enrich.entity.NameTaggerCrossValidation [-Depochs=10] [-Dholdout=*]
 * </pre>
 */
public final class NameTaggerCrossValidation {

	private static final int FOLDS = 5;

	private NameTaggerCrossValidation() {
	}

	public static void main(String[] args) throws IOException {
		int epochs = Integer.getInteger("epochs", NameTaggerTraining.EPOCHS);
		NlpModels models = NlpModels.load();
		NameTaggerTraining.Featurizer featurizer = new NameTaggerTraining.Featurizer(models);
		List<LabelledDocument> dev = WikiGold.dev();
		List<List<NameTaggerTraining.Example>> news = featurizer
			.examples(NameTaggerTraining.news(System.getProperty("holdout", "")));
		List<List<NameTaggerTraining.Example>> wikigold = featurizer.examples(dev);
		Gazetteer gazetteer = Gazetteer.load();
		WordRanks ranks = WordRanks.load();
		double[] sums = new double[6];
		int size = dev.size() / FOLDS;
		for (int fold = 0; fold < FOLDS; fold++) {
			List<List<NameTaggerTraining.Example>> training = new ArrayList<>(news);
			for (int i = 0; i < dev.size(); i++) {
				if (i / size != fold) {
					training.add(wikigold.get(i));
				}
			}
			Map<Long, float[]> weights = NameTaggerTraining.train(training, epochs, false);
			Enricher enricher = new Enricher(
					List.of(new LanguageAnalyser(models.languageDetector()),
							new TextAnalyser(models.englishSentences()),
							new EntityAnalyser(gazetteer, ranks, NameTaggerTraining.tagger(weights), NameFinders.NONE)),
					StageObserver.NONE);
			WikiGoldEvaluation.Report report = WikiGoldEvaluation.evaluate(enricher,
					dev.subList(fold * size, (fold + 1) * size), Boolean.getBoolean("verbose"));
			double[] figures = { report.documentLevel().f1(), report.documentLevel("PER").f1(),
					report.documentLevel("ORG").f1(), report.documentLevel("LOC").f1(), report.mentionLevel().f1(),
					report.documentLevel().precision() };
			System.out.println(String.format(Locale.ROOT,
					"fold %d: document F1 %.3f (PER %.3f ORG %.3f LOC %.3f), mention F1 %.3f, P %.3f", fold + 1,
					figures[0], figures[1], figures[2], figures[3], figures[4], figures[5]));
			for (int k = 0; k < sums.length; k++) {
				sums[k] += figures[k] / FOLDS;
			}
		}
		System.out.println(String.format(Locale.ROOT,
				"mean:   document F1 %.3f (PER %.3f ORG %.3f LOC %.3f), mention F1 %.3f, P %.3f", sums[0], sums[1],
				sums[2], sums[3], sums[4], sums[5]));
	}

}
