package newsroom.search.parameter;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;

/**
 * Parameters of a read request (search, related articles, suggestions, trends) that a
 * client must fix; answered as a 400 problem with one entry per invalid parameter.
 */
public class InvalidParametersException extends ErrorResponseException {

	private final List<FieldError> errors;

	/**
	 * A 400 for the given problems.
	 * @param errors one per invalid parameter, at least one
	 */
	public InvalidParametersException(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, problem(errors), null);
		this.errors = List.copyOf(errors);
	}

	/**
	 * A 400 for one invalid parameter.
	 * @param field the parameter name
	 * @param message what is wrong with it
	 * @return the exception to throw
	 */
	public static InvalidParametersException of(String field, String message) {
		return new InvalidParametersException(List.of(new FieldError(field, message)));
	}

	/**
	 * A 400 for the parameters that Spring bound into a record and Bean Validation
	 * refused, in the order the record declares them.
	 * @param result the outcome of binding and validation, with errors
	 * @return the exception to throw
	 */
	public static InvalidParametersException of(BindingResult result) {
		List<String> order = declarationOrder(result.getTarget());
		List<FieldError> errors = result.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(error.getField(), error.getDefaultMessage()))
			.sorted(Comparator.comparingInt((error) -> order.indexOf(error.field())))
			.toList();
		return new InvalidParametersException(errors);
	}

	private static List<String> declarationOrder(Object target) {
		if (target == null || !target.getClass().isRecord()) {
			return List.of();
		}
		return Arrays.stream(target.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
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
