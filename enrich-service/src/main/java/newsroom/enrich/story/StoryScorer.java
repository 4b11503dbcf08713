package newsroom.enrich.story;

import java.time.Duration;

/**
 * Scores an article against one article of a story: similar content, overlapping salient
 * entities, close in time. The score is {@code (contentWeight × content + entityWeight ×
 * entities) × time}, where {@code content} is the cosine of the two articles' TF-IDF
 * content terms (reduced by {@code numberPenalty} when both give figures and none agree),
 * {@code entities} the weighted Jaccard overlap of their salient entities and
 * {@code time} falls linearly from 1 to {@code 1 - timePenalty} across the window (0
 * beyond it). The article joins when the score reaches the threshold and the content
 * similarity is at least {@code minContent}: two events that share their main entities
 * (two matches of the same teams) differ in what happened, and content says so. It never
 * joins when both leads give results and none agree: a report of game two that recalls
 * game one's score is still about game two.
 */
public final class StoryScorer {

	private final StoryWeights weights;

	private final long windowMillis;

	/**
	 * Create a scorer.
	 * @param weights the weights and thresholds
	 * @param window how far apart in time two articles of one story may be published
	 */
	public StoryScorer(StoryWeights weights, Duration window) {
		this.weights = weights;
		this.windowMillis = window.toMillis();
	}

	/**
	 * Compare two articles by their profiles, as {@link StoryIndex} compares an article
	 * with each of a story's newest articles; for evaluations and explanations.
	 * @param article the article being assigned
	 * @param member an article of a story
	 * @return the comparison
	 */
	public StoryScore score(ArticleProfile article, ArticleProfile member) {
		return score(Features.of("article", article), Features.of("member", member));
	}

	/**
	 * Compare an article with an article of a story.
	 * @param article the article being assigned
	 * @param member an article of the story
	 * @return the comparison
	 */
	StoryScore score(Features article, Features member) {
		long apart = Math.abs(article.publishedAt() - member.publishedAt());
		if (apart > this.windowMillis) {
			return StoryScore.NONE;
		}
		boolean figuresDisagree = article.figuresDisagree(member);
		double content = article.cosine(member) * (figuresDisagree ? 1 - this.weights.numberPenalty() : 1);
		double entities = article.entityOverlap(member);
		double time = 1 - this.weights.timePenalty() * apart / this.windowMillis;
		double total = (this.weights.contentWeight() * content + this.weights.entityWeight() * entities) * time;
		boolean resultsDisagree = article.resultsDisagree(member);
		boolean joins = !resultsDisagree && content >= this.weights.minContent() && total >= this.weights.threshold();
		return new StoryScore(content, figuresDisagree, resultsDisagree, entities, time, total, joins);
	}

	long windowMillis() {
		return this.windowMillis;
	}

}
