package newsroom.enrich.pipeline;

/**
 * Names of the MDC fields this service logs with; {@code logging.pattern.correlation}
 * shows them on console lines and the ECS JSON format carries them as fields.
 */
public final class LogFields {

	/** The id of the article a log line is about. */
	public static final String ARTICLE_ID = "articleId";

	private LogFields() {
	}

}
