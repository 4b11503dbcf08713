package newsroom.enrich.story;

import java.util.Locale;

/**
 * How an article compares with one article of a story, part by part, so that a decision
 * can be explained.
 *
 * @param content cosine of the two articles' weighted content terms, 0..1, after the
 * penalty for figures that disagree
 * @param figuresDisagree whether both give figures and none agree
 * @param resultsDisagree whether both leads give results (a score such as 88-79) and none
 * agree: then the article never joins
 * @param entities weighted Jaccard overlap of their salient entities, 0..1
 * @param time what is left of the score after the time between them, 1 for articles
 * published together, down to {@code 1 - timePenalty} at the window's far end, 0 beyond
 * @param total {@code (contentWeight × content + entityWeight × entities) × time}
 * @param joins whether the article joins the story on this comparison
 */
public record StoryScore(double content, boolean figuresDisagree, boolean resultsDisagree, double entities, double time,
		double total, boolean joins) {

	/** No similarity at all: outside the window, or nothing shared. */
	static final StoryScore NONE = new StoryScore(0, false, false, 0, 0, 0, false);

	/**
	 * Whether this comparison is better than another, by total score.
	 * @param other another comparison, or {@code null}
	 * @return {@code true} when this one scores higher, or {@code other} is {@code null}
	 */
	boolean betterThan(StoryScore other) {
		return other == null || this.total > other.total;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "total %.3f = (content %.3f%s, entities %.3f) × time %.3f%s%s", this.total,
				this.content, this.figuresDisagree ? " (figures disagree)" : "", this.entities, this.time,
				this.resultsDisagree ? ", results disagree" : "", this.joins ? ", joins" : "");
	}

}
