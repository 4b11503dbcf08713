package newsroom.events;

/**
 * The registry of Newsroom's Kafka topics. Every record is keyed by the article id (a
 * string) and carries a JSON value with CloudEvents binary-mode headers.
 */
public final class Topics {

	/** Raw articles as ingested: {@link RawArticle} values. */
	public static final String RAW = "news.articles.raw.v1";

	/** Enriched articles, compacted by article id: {@link EnrichedArticle} values. */
	public static final String ENRICHED = "news.articles.enriched.v1";

	/**
	 * Suffix of a dead-letter topic; the original record plus {@link DeadLetterHeaders}.
	 */
	public static final String DEAD_LETTER_SUFFIX = ".DLT";

	public static final String RAW_DLT = deadLetter(RAW);

	public static final String ENRICHED_DLT = deadLetter(ENRICHED);

	private Topics() {
	}

	/**
	 * The dead-letter topic for a topic.
	 * @param topic the topic whose poison records are parked
	 * @return the topic name with {@value #DEAD_LETTER_SUFFIX} appended
	 */
	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

}
