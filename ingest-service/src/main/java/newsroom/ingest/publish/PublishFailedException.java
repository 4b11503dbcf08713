package newsroom.ingest.publish;

import newsroom.ingest.web.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The broker did not acknowledge an article in time; an outage, answered with 503 and
 * {@code Retry-After}. The client may retry: the article id is deterministic, so a retry
 * never makes a second article.
 */
public class PublishFailedException extends ProblemException {

	/** Seconds a client should wait before retrying after a broker outage. */
	private static final String RETRY_AFTER_SECONDS = "5";

	private final String articleId;

	public PublishFailedException(String articleId, String message, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "Message broker unavailable",
				"The article could not be stored right now. Retry later: the same article keeps the same id, "
						+ "so a retry never creates a second one.",
				message, cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		this.articleId = articleId;
	}

	public String getArticleId() {
		return this.articleId;
	}

}
