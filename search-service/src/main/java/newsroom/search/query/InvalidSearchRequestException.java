package newsroom.search.query;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Parameters of a search, suggestion or trends request that a client must fix; answered
 * as a 400 problem with one entry per invalid parameter.
 */
public class InvalidSearchRequestException extends ErrorResponseException {

	private final List<FieldError> errors;

	/**
	 * A 400 for the given problems.
	 * @param errors one per invalid parameter, at least one
	 */
	public InvalidSearchRequestException(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, problem(errors), null);
		this.errors = List.copyOf(errors);
	}

	/**
	 * The invalid parameters.
	 * @return one entry per invalid parameter
	 */
	public List<FieldError> errors() {
		return this.errors;
	}

	private static ProblemDetail problem(List<FieldError> errors) {
		String detail = errors.stream()
			.map((error) -> error.field() + " " + error.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse("Invalid request parameters");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request parameters");
		problem.setProperty("errors", List.copyOf(errors));
		return problem;
	}

	/**
	 * One invalid parameter.
	 *
	 * @param field the parameter name
	 * @param message what is wrong with it
	 */
	public record FieldError(String field, String message) {
	}

}
