package newsroom.search.alert;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The configured number of alerts is reached: a 409 until some are deleted, because every
 * alert costs matching time on every article.
 */
class TooManyAlertsException extends ErrorResponseException {

	TooManyAlertsException(int max) {
		super(HttpStatus.CONFLICT, problem(max), null);
	}

	private static ProblemDetail problem(int max) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"There are " + max + " alerts already (newsroom.search.alerts.max-alerts); delete some first");
		problem.setTitle("Too many alerts");
		return problem;
	}

}
