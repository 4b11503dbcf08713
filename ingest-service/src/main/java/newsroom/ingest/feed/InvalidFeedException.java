package newsroom.ingest.feed;

import java.util.List;

import newsroom.ingest.web.FieldProblem;
import newsroom.ingest.web.InvalidRequestException;

/**
 * A feed registration (from the API or from configuration) is invalid; carries every
 * offending field. Answered with 400 {@code Invalid feed}.
 */
class InvalidFeedException extends InvalidRequestException {

	InvalidFeedException(List<FieldProblem> problems) {
		super("Invalid feed", problems);
	}

	InvalidFeedException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

}
