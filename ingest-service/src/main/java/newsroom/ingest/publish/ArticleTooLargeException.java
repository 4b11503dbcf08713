package newsroom.ingest.publish;

/**
 * An article is larger than a record on the raw topic may be; answered with 413, like a
 * request body over the limit.
 */
public class ArticleTooLargeException extends RuntimeException {

	public ArticleTooLargeException(String message, Throwable cause) {
		super(message, cause);
	}

}
