package newsroom.enrich.eval;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import newsroom.enrich.Enrichers;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.analysis.StageObserver;
import newsroom.enrich.duplicate.DuplicateIndex;
import newsroom.enrich.nlp.NlpModels;
import newsroom.enrich.story.ArticleProfiler;
import newsroom.enrich.story.StoryIndex;
import newsroom.enrich.story.StoryScorer;
import newsroom.enrich.story.StoryWeights;
import newsroom.enrich.text.WordRanks;

/**
 * A grid search over the {@link StoryWeights} on a development set (not a test, never on
 * a holdout set): enriches each article once, then assigns stories with every combination
 * of the values below and prints the best by pairwise F1, with how many combinations come
 * close, so that a choice can be made in a stable region rather than at a lucky point.
 *
 * <pre>
 * bench/enrich/run.sh newsroom.enrich.eval.StoryTuning bench/stories/dev.jsonl [more.jsonl] [-Dtop=40]
 * </pre>
 */
public final class StoryTuning {

	private static final double[] TITLE = { 1, 2 };

	private static final double[] LEAD = { 4 };

	private static final double[] NAMES = { 0.25, 0.5, 1 };

	private static final double[] CONTENT = { 0.65, 0.8 };

	private static final double[] TIME = { 0.7, 0.85, 1 };

	private static final double[] FIGURES = { 0, 0.3, 0.5 };

	private static final double[] MIN_CONTENT = { 0.15, 0.2, 0.25 };

	private static final double[] THRESHOLD = { 0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3 };

	private StoryTuning() {
	}

	public static void main(String[] args) {
		Enricher enricher = Enrichers.standard(NlpModels.load(), StageObserver.NONE);
		WordRanks ranks = WordRanks.load();
		List<Prepared> sets = List.of(args).stream().map((file) -> prepare(Path.of(file), enricher)).toList();
		List<Result> results = new ArrayList<>();
		for (double title : TITLE) {
			for (double lead : LEAD) {
				for (double names : NAMES) {
					for (double content : CONTENT) {
						for (double time : TIME) {
							for (double figures : FIGURES) {
								for (double minContent : MIN_CONTENT) {
									for (double threshold : THRESHOLD) {
										StoryWeights weights = new StoryWeights(title, lead, names, content,
												1 - content, time, figures, minContent, threshold);
										results.add(score(sets, weights, ranks));
									}
								}
							}
						}
					}
				}
			}
		}
		results.sort(Comparator.comparingDouble((Result result) -> -result.pairs().f1()));
		double best = results.get(0).pairs().f1();
		System.out.printf(Locale.ROOT, "%d combinations, %d within 0.01 of the best F1 %.3f%n", results.size(),
				results.stream().filter((result) -> result.pairs().f1() >= best - 0.01).count(), best);
		results.stream()
			.limit(Integer.getInteger("top", 40))
			.forEach((result) -> System.out.printf(Locale.ROOT, "F1 %.3f P %.3f R %.3f %s%n", result.pairs().f1(),
					result.pairs().precision(), result.pairs().recall(), result.weights()));
	}

	private static Prepared prepare(Path file, Enricher enricher) {
		List<StoryEvaluation.Labelled> articles = new ArrayList<>(StoryEvaluation.read(file));
		articles.sort(Comparator.comparing(StoryEvaluation.Labelled::publishedAt));
		List<Document> documents = new ArrayList<>();
		List<String> duplicateOf = new ArrayList<>();
		DuplicateIndex duplicates = new DuplicateIndex(6);
		for (StoryEvaluation.Labelled article : articles) {
			Document document = enricher.document(article.title(), article.body(), null);
			documents.add(document);
			duplicateOf.add(duplicates.earlierDuplicate(article.id(), document.fingerprint()).orElse(null));
			duplicates.add(article.id(), document.fingerprint(), article.publishedAt());
		}
		return new Prepared(articles, documents, duplicateOf);
	}

	/** The smallest F1 over the sets, with that set's counts. */
	private static Result score(List<Prepared> sets, StoryWeights weights, WordRanks ranks) {
		Result worst = null;
		for (Prepared set : sets) {
			Result result = score(set.articles(), set.documents(), set.duplicateOf(), weights, ranks);
			if (worst == null || result.pairs().f1() < worst.pairs().f1()) {
				worst = result;
			}
		}
		return worst;
	}

	private static Result score(List<StoryEvaluation.Labelled> articles, List<Document> documents,
			List<String> duplicateOf, StoryWeights weights, WordRanks ranks) {
		ArticleProfiler profiler = new ArticleProfiler(ranks, weights);
		StoryIndex stories = new StoryIndex(new StoryScorer(weights, Duration.ofHours(72)), 50_000, Clock.systemUTC());
		Map<String, String> storyOf = new LinkedHashMap<>();
		for (int i = 0; i < articles.size(); i++) {
			StoryEvaluation.Labelled article = articles.get(i);
			StoryIndex.Staging staging = stories.staging();
			String story = staging
				.assign(article.id(), article.title(),
						profiler.profile(documents.get(i), article.publishedAt(), article.source()), duplicateOf.get(i))
				.storyId();
			staging.commit();
			storyOf.put(article.id(), story);
		}
		return new Result(weights, StoryEvaluation.Pairs.of(articles, storyOf));
	}

	/**
	 * A set enriched once.
	 *
	 * @param articles its articles in order of publication
	 * @param documents each one's analysed document
	 * @param duplicateOf each one's near-duplicate original, or {@code null}
	 */
	private record Prepared(List<StoryEvaluation.Labelled> articles, List<Document> documents,
			List<String> duplicateOf) {
	}

	/**
	 * One combination's score.
	 *
	 * @param weights the combination
	 * @param pairs its pair counts
	 */
	private record Result(StoryWeights weights, StoryEvaluation.Pairs pairs) {
	}

}
