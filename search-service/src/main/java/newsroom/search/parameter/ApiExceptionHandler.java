package newsroom.search.parameter;

import newsroom.web.ProblemAnswersSupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Answers every MVC error as an RFC 9457 problem (the framework's own refusals too, see
 * {@link ProblemAnswersSupport}); request parameters that Spring bound into a record and
 * Bean Validation refused are the 400 of {@link InvalidParametersException}, one entry
 * per invalid parameter.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemAnswersSupport {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		InvalidParametersException invalid = InvalidParametersException.of(ex.getBindingResult());
		return handleExceptionInternal(invalid, invalid.getBody(), headers, status, request);
	}

}
