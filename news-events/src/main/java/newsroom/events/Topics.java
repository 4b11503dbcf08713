package newsroom.events;

/**
 * The registry of Newsroom's Kafka topics. Every record carries a JSON value with
 * CloudEvents binary-mode headers; article topics are keyed by the article id, the alert
 * topic by the alert id, the story topic by the story id (a string each).
 */
public final class Topics {

	/** Raw articles as ingested: {@link RawArticle} values. */
	public static final String RAW = "news.articles.raw.v1";

	/** Enriched articles, compacted by article id: {@link EnrichedArticle} values. */
	public static final String ENRICHED = "news.articles.enriched.v1";

	/**
	 * Matches of saved searches, keyed by alert id, once per alert and article:
	 * {@link AlertMatched} values. Written in Kafka transactions.
	 */
	public static final String ALERTS = "news.alerts.v1";

	/**
	 * Story snapshots, compacted by story id: {@link Story} values, written in the same
	 * transaction as the enriched record of the article that joined.
	 */
	public static final String STORIES = "news.stories.v1";

	/**
	 * Suffix of a dead-letter topic; the original record plus {@link DeadLetterHeaders}.
	 */
	public static final String DEAD_LETTER_SUFFIX = ".DLT";

	public static final String RAW_DLT = deadLetter(RAW);

	public static final String ENRICHED_DLT = deadLetter(ENRICHED);

	public static final String STORIES_DLT = deadLetter(STORIES);

	/**
	 * The largest record (key, value and headers) on any Newsroom topic: every service
	 * creates the topics it declares with this {@code max.message.bytes} and lets its
	 * producer send records this large. One limit for the whole pipeline, so that an
	 * article the API accepts is never refused further down, neither enriched nor parked
	 * on a dead-letter topic. Consumers fetch such records with the client defaults.
	 */
	public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

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
