package newsroom.ingest.fetch;

import java.util.List;

import newsroom.ingest.web.FieldProblem;
import newsroom.ingest.web.InvalidRequestException;

/**
 * The SSRF guard refused the URL of a request (a page to fetch, a feed to register):
 * answered with 400 {@code Target refused}, the reason named under {@code url}. The
 * guard's own {@link ForbiddenTargetException} stays a checked {@code IOException} so
 * that it can pass through the HTTP client's resolver hook; this is its answer.
 */
public class TargetRefusedException extends InvalidRequestException {

	public TargetRefusedException(ForbiddenTargetException refusal) {
		super("Target refused", refusal.getMessage() + ".", List.of(new FieldProblem("url", refusal.getMessage())));
	}

}
