package newsroom.search.elasticsearch;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Elasticsearch could not answer a read: an outage, answered as a 503 problem with
 * {@code Retry-After}, like every 503 of the services, so that clients retry later
 * instead of treating it as a bug.
 */
public class IndexUnavailableException extends ErrorResponseException {

	/** Seconds a client should wait: Elasticsearch restarts in about ten. */
	private static final String RETRY_AFTER_SECONDS = "5";

	public IndexUnavailableException(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The search index is unavailable; try again shortly");
		problem.setTitle("Search index unavailable");
		return problem;
	}

}
