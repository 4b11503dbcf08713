package newsroom.search.query;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Search parameters a client must fix; answered as a 400 problem with one entry per
 * invalid parameter.
 */
class InvalidSearchRequestException extends ErrorResponseException {

	private final List<FieldError> errors;

	InvalidSearchRequestException(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, problem(errors), null);
		this.errors = List.copyOf(errors);
	}

	List<FieldError> errors() {
		return this.errors;
	}

	private static ProblemDetail problem(List<FieldError> errors) {
		String detail = errors.stream()
			.map((error) -> error.field() + " " + error.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse("Invalid search parameters");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid search parameters");
		problem.setProperty("errors", List.copyOf(errors));
		return problem;
	}

	/**
	 * One invalid parameter.
	 *
	 * @param field the parameter name
	 * @param message what is wrong with it
	 */
	record FieldError(String field, String message) {
	}

}
