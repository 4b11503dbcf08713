package newsroom.enrich.story;

/**
 * The knobs of story assignment, in one place so that the evaluation can try others.
 * {@link #DEFAULT} is what the service runs; {@code enrich-service/README.md} says how
 * each was chosen.
 *
 * @param titleWeight how much a word of the title counts against one of the lead
 * @param leadSentences how fast the body's sentences count less: sentence {@code i} (from
 * 0) counts {@code 1 / (1 + i / leadSentences)}
 * @param nameTermFactor how much a word of one of the article's entity names counts as a
 * content term, against 1 for any other word
 * @param contentWeight the weight of content similarity (cosine of the terms) in the
 * score
 * @param entityWeight the weight of entity overlap (weighted Jaccard of the salient
 * entities) in the score
 * @param timePenalty how much of the score is lost at the far end of the window
 * (linearly, from nothing for articles published at the same moment)
 * @param numberPenalty the share of content similarity lost when both articles give
 * figures (a score, a toll, an amount) and none of them agree: they most likely report
 * two events
 * @param minContent the content similarity below which an article never joins, whatever
 * the entities: sharing the main entities is not enough
 * @param threshold the score at or above which an article joins
 */
public record StoryWeights(double titleWeight, double leadSentences, double nameTermFactor, double contentWeight,
		double entityWeight, double timePenalty, double numberPenalty, double minContent, double threshold) {

	/** The weights the service runs. */
	public static final StoryWeights DEFAULT = new StoryWeights(1, 4, 0.5, 0.8, 0.2, 1, 0.3, 0.2, 0.2);

	/**
	 * These weights with another threshold.
	 * @param score the score at or above which an article joins
	 * @return the changed weights
	 */
	public StoryWeights withThreshold(double score) {
		return new StoryWeights(this.titleWeight, this.leadSentences, this.nameTermFactor, this.contentWeight,
				this.entityWeight, this.timePenalty, this.numberPenalty, this.minContent, score);
	}

}
