package newsroom.search.alert;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No alert has the requested id (never created, or deleted): a 404 problem.
 */
class AlertNotFoundException extends ErrorResponseException {

	AlertNotFoundException(String id) {
		super(HttpStatus.NOT_FOUND, problem(id), null);
	}

	private static ProblemDetail problem(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No alert with id '" + id + "'");
		problem.setTitle("Alert not found");
		return problem;
	}

}
