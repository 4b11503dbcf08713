package newsroom.web;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The base of each service's {@code @RestControllerAdvice}: Spring MVC's problems, and
 * problems for hostile requests that the framework itself refuses with a 500, Tomcat's
 * error page or an answer without a body (each found by the services' fuzz tests):
 * <ul>
 * <li>every problem is {@code application/problem+json} whatever {@code Accept} asked
 * for, so an {@code Accept} nothing can meet, or that does not parse, still gets a body;
 * <li>a query string Tomcat cannot decode is a 400;
 * <li>a wildcard {@code Content-Type} ({@code application/*}) is a 415;
 * <li>an Actuator health path of unknown segments ({@code /actuator/health/a/b}) is a
 * 404.
 * </ul>
 * What these handlers do not recognise goes to {@link #notRecognised}, which rethrows it
 * unless the service answers it otherwise.
 */
public abstract class ProblemAnswersSupport extends ResponseEntityExceptionHandler {

	private static final String HEALTH = "/actuator/health/";

	/**
	 * A query string Tomcat cannot decode ({@code =x} without a name, {@code %u0041}, a
	 * cut-off {@code %}), which the application reads while binding parameters or
	 * Actuator while reading its own: the client's mistake.
	 * @param ex what Tomcat raised
	 * @param request the request
	 * @return the 400 problem
	 */
	@ExceptionHandler
	protected ResponseEntity<Object> undecodableQuery(InvalidParameterException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The query string could not be decoded: each parameter is name=value, percent-encoded as UTF-8.");
		problem.setTitle("Malformed query string");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Spring refuses to read a body sent as a wildcard type with an
	 * {@link IllegalArgumentException}; Actuator's endpoints read bodies of any type. A
	 * {@code Content-Type} names one type, so that is the client's mistake.
	 * @param ex what Spring raised
	 * @param request the request
	 * @return the 415 problem, or what {@link #notRecognised} answers when the type is
	 * not a wildcard
	 * @throws Exception from {@link #notRecognised}
	 */
	@ExceptionHandler
	protected ResponseEntity<Object> wildcardContentType(IllegalArgumentException ex, WebRequest request)
			throws Exception {
		String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
		if (!isWildcard(type)) {
			return notRecognised(ex, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Content-Type must name one media type, not '" + type + "'.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
	}

	/**
	 * Spring Boot's health endpoint fails with an {@link IllegalStateException} on a path
	 * of two or more segments whose first names no component, where one unknown segment
	 * is its 404.
	 * @param ex what the health endpoint raised
	 * @param request the request
	 * @return the 404 problem, or what {@link #notRecognised} answers off the health path
	 * @throws Exception from {@link #notRecognised}
	 */
	@ExceptionHandler
	protected ResponseEntity<Object> unknownHealthPath(IllegalStateException ex, WebRequest request) throws Exception {
		String path = ((ServletWebRequest) request).getRequest().getRequestURI();
		if (!path.startsWith(HEALTH)) {
			return notRecognised(ex, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No health component or group at " + path + ".");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
	}

	/**
	 * An exception the handlers above caught by its type but do not recognise: rethrown,
	 * for the framework to answer as it would have (a 500).
	 * @param ex the exception
	 * @param request the request
	 * @return what the service answers instead, when it overrides this
	 * @throws Exception the exception itself
	 */
	protected ResponseEntity<Object> notRecognised(Exception ex, WebRequest request) throws Exception {
		throw ex;
	}

	/**
	 * Every problem is {@code application/problem+json}: with the type set, the answer is
	 * written without reading {@code Accept}, which could not be met or did not parse.
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

	private static boolean isWildcard(String contentType) {
		try {
			return contentType != null && MediaType.parseMediaType(contentType).isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
