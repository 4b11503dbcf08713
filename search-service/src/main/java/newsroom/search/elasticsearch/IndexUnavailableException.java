package newsroom.search.elasticsearch;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Elasticsearch could not answer a read: an outage, answered as a 503 problem so that
 * clients retry instead of treating it as a bug.
 */
public class IndexUnavailableException extends ErrorResponseException {

	public IndexUnavailableException(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The search index is unavailable; try again shortly");
		problem.setTitle("Search index unavailable");
		return problem;
	}

}
