package newsroom.ingest.batch;

import newsroom.ingest.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The body of a batch request is not a batch at all (not a JSON array); answered with 400
 * before any item is processed.
 */
class NotABatchException extends ProblemException {

	NotABatchException(String message) {
		super(HttpStatus.BAD_REQUEST, "Malformed request body", message, message, null);
	}

}
