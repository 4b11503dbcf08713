package newsroom.search.alert;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Kafka did not take or give back an alert in time: a 503 for the client, and for
 * matching a failed batch that is retried.
 */
class AlertsUnavailableException extends ErrorResponseException {

	AlertsUnavailableException(String message, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
		setDetail(message);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Alerts are unavailable; try again shortly");
		problem.setTitle("Alerts unavailable");
		return problem;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}
