package newsroom.ingest.publish;

import newsroom.ingest.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * An article is larger than a record on the raw topic may be; answered with 413, like a
 * request body over the limit.
 */
public class ArticleTooLargeException extends ProblemException {

	public ArticleTooLargeException(String message, Throwable cause) {
		super(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
				"The article is too large to be published as one record", message, cause);
	}

}
