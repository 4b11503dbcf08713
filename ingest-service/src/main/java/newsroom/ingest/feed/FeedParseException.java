package newsroom.ingest.feed;

/**
 * A fetched document is not a feed that could be read, even after repairs.
 */
class FeedParseException extends Exception {

	FeedParseException(String message, Throwable cause) {
		super(message, cause);
	}

}
