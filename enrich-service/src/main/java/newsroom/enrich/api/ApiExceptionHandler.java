package newsroom.enrich.api;

import java.util.List;
import java.util.stream.Collectors;

import newsroom.web.ProblemAnswersSupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Answers every MVC error as RFC 9457 problem+json (the framework's own refusals too, see
 * {@link ProblemAnswersSupport}); validation failures also list each rejected field under
 * {@code errors}, as the API contract asks.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemAnswersSupport {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(error.getField(), error.getDefaultMessage()))
			.toList();
		ProblemDetail problem = ex.getBody();
		problem.setTitle("Invalid request");
		problem.setDetail(errors.stream()
			.map((error) -> error.field() + " " + error.message())
			.collect(Collectors.joining("; ", "Invalid request: ", "")));
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * One rejected field.
	 *
	 * @param field the request field
	 * @param message what is wrong with it
	 */
	record FieldError(String field, String message) {
	}

}
