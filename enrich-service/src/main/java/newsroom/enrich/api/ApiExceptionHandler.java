package newsroom.enrich.api;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every MVC error as RFC 9457 problem+json; validation failures also list each
 * rejected field under {@code errors}, as the API contract asks.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

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
	 * A query string Tomcat cannot decode ({@code =x} without a name, {@code %u0041}, a
	 * cut-off {@code %}): the client's mistake, a 400 problem rather than Tomcat's error
	 * page and an error in the log.
	 */
	@ExceptionHandler
	ResponseEntity<Object> undecodableQuery(InvalidParameterException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The query string could not be decoded: each parameter is name=value, percent-encoded as UTF-8.");
		problem.setTitle("Malformed query string");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Spring refuses to read a body sent as a wildcard type ({@code application/*}) with
	 * an {@link IllegalArgumentException}, which would be a 500; Actuator's endpoints
	 * read bodies of any type. A Content-Type names one type: otherwise a 415.
	 */
	@ExceptionHandler
	ResponseEntity<Object> wildcardContentType(IllegalArgumentException ex, WebRequest request) throws Exception {
		String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
		if (!isWildcard(type)) {
			throw ex;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Content-Type must name one media type, not '" + type + "'.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
	}

	/**
	 * Spring Boot's health endpoint fails with an {@link IllegalStateException} on a path
	 * of two or more segments whose first names no component ({@code
	 * /actuator/health/a/b}), which would be a 500; one unknown segment is its 404.
	 */
	@ExceptionHandler
	ResponseEntity<Object> unknownHealthPath(IllegalStateException ex, WebRequest request) throws Exception {
		String path = ((ServletWebRequest) request).getRequest().getRequestURI();
		if (!path.startsWith("/actuator/health/")) {
			throw ex;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No health component or group at " + path + ".");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
	}

	private static boolean isWildcard(String contentType) {
		try {
			return contentType != null && MediaType.parseMediaType(contentType).isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/**
	 * Every problem is {@code application/problem+json}, whatever {@code Accept} asked
	 * for: an {@code Accept} nothing can meet, or that does not parse, gets its 406 with
	 * a body all the same.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail) {
			HttpHeaders problemHeaders = new HttpHeaders();
			problemHeaders.putAll(headers);
			problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			return new ResponseEntity<>(body, problemHeaders, statusCode);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
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
