package newsroom.ingest.fetch;

import java.util.List;

import newsroom.ingest.web.FieldProblem;
import newsroom.ingest.web.InvalidRequestException;

/**
 * The body of {@code POST /api/v1/fetch} names no usable URL; answered with 400
 * {@code Invalid fetch request}.
 */
class InvalidFetchRequestException extends InvalidRequestException {

	InvalidFetchRequestException(String message) {
		super("Invalid fetch request", List.of(new FieldProblem("url", message)));
	}

}
