package newsroom.ingest.publish;

/**
 * The broker did not acknowledge an article in time; an outage, answered with 503. The
 * client may retry: the article id is deterministic, so a retry never makes a second
 * article.
 */
public class PublishFailedException extends RuntimeException {

	private final String articleId;

	public PublishFailedException(String articleId, String message, Throwable cause) {
		super(message, cause);
		this.articleId = articleId;
	}

	public String getArticleId() {
		return this.articleId;
	}

}
