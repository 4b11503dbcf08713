package newsroom.bench.pipeline.corpus;

import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the corpus is like, from its first articles: lengths and the entity mentions
 * written into them, so that a report says what was measured.
 *
 * @param articles articles in the sample
 * @param meanWords mean body length in words
 * @param minWords shortest body
 * @param maxWords longest body
 * @param mentionsPerArticle mean mentions per article of people, organisations and places
 */
public record CorpusSample(int articles, double meanWords, int minWords, int maxWords,
		Map<String, Double> mentionsPerArticle) {

	/**
	 * Describe the first articles of a corpus.
	 * @param corpus the corpus
	 * @param articles how many to look at
	 * @return the description
	 */
	public static CorpusSample of(Corpus corpus, int articles) {
		IntSummaryStatistics words = new IntSummaryStatistics();
		long people = 0;
		long organisations = 0;
		long places = 0;
		for (int i = 0; i < articles; i++) {
			Article article = corpus.article(i);
			words.accept(article.words());
			people += article.mentions().people();
			organisations += article.mentions().organisations();
			places += article.mentions().places();
		}
		Map<String, Double> mentions = new LinkedHashMap<>();
		mentions.put("PERSON", perArticle(people, articles));
		mentions.put("ORGANIZATION", perArticle(organisations, articles));
		mentions.put("LOCATION", perArticle(places, articles));
		return new CorpusSample(articles, Math.round(words.getAverage()), words.getMin(), words.getMax(), mentions);
	}

	private static double perArticle(long count, int articles) {
		return Math.round(10.0 * count / articles) / 10.0;
	}

}
