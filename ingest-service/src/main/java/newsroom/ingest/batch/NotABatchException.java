package newsroom.ingest.batch;

/**
 * The body of a batch request is not a batch at all (not a JSON array); answered with 400
 * before any item is processed.
 */
public class NotABatchException extends RuntimeException {

	public NotABatchException(String message) {
		super(message);
	}

}
