package newsroom.ingest.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error with RFC 9457 {@code application/problem+json}. The features'
 * errors are {@link ErrorResponseException}s that carry their own answer (the base class
 * sends it); what is left here is cross-cutting: bodies over the size limit (413),
 * unreadable or malformed bodies (400), and anything unexpected (500).
 */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

	/** The title of a body whose JSON has a value of the wrong type. */
	private static final String INVALID_ARTICLE = "Invalid article";

	@ExceptionHandler
	ResponseEntity<Object> bodyTooLarge(RequestBodyTooLargeException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				ex.getMessage() + " (" + ex.getSetting() + ")");
		problem.setTitle("Request body too large");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
	}

	/**
	 * A streamed body (the batch endpoint reads its own) that broke off or could not be
	 * read: the client's side, not ours.
	 */
	@ExceptionHandler
	ResponseEntity<Object> bodyUnreadable(IOException ex, WebRequest request) {
		if (ex instanceof RequestBodyTooLargeException tooLarge) {
			return bodyTooLarge(tooLarge, request);
		}
		log.debug("Request body could not be read: {}", ex.toString());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body could not be read to its end: " + ex.getMessage());
		problem.setTitle("Unreadable request body");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
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
	ResponseEntity<Object> wildcardContentType(IllegalArgumentException ex, WebRequest request) {
		String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
		if (!isWildcard(type)) {
			return unexpected(ex, request);
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
	ResponseEntity<Object> unknownHealthPath(IllegalStateException ex, WebRequest request) {
		String path = ((ServletWebRequest) request).getRequest().getRequestURI();
		if (!path.startsWith("/actuator/health/")) {
			return unexpected(ex, request);
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

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Request failed unexpectedly", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request failed because of an internal error.");
		problem.setTitle("Internal error");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	/**
	 * A 503 is an outage (the broker did not acknowledge), never a reaction to input:
	 * operators must see it in the log.
	 */
	@Override
	protected ResponseEntity<Object> handleErrorResponseException(ErrorResponseException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			log.warn("Answered 503: {}", ex.getMessage());
		}
		return super.handleErrorResponseException(ex, headers, status, request);
	}

	/**
	 * Unreadable bodies: over the size limit while being read (413), a value of the wrong
	 * JSON type (400 naming the field, for example {@code publishedAt}), or malformed
	 * JSON (400).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Optional<RequestBodyTooLargeException> tooLarge = cause(ex, RequestBodyTooLargeException.class);
		if (tooLarge.isPresent()) {
			return bodyTooLarge(tooLarge.get(), request);
		}
		Optional<DatabindException> mapping = cause(ex, DatabindException.class);
		if (mapping.isPresent() && !mapping.get().getPath().isEmpty()) {
			InvalidRequestException invalid = new InvalidRequestException(INVALID_ARTICLE,
					List.of(JsonProblems.of(mapping.get())));
			return handleExceptionInternal(ex, invalid.getBody(), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
		}
		Optional<StreamReadException> syntax = cause(ex, StreamReadException.class);
		String detail = syntax.map(ProblemAnswers::syntaxDetail)
			.orElse("The request body is missing or is not a JSON object.");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Malformed request body");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Every problem answer is {@code application/problem+json}, whatever was asked for.
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

	private static String syntaxDetail(StreamReadException ex) {
		return "The request body is not valid JSON: " + JsonProblems.describe(ex) + ".";
	}

	private static <T extends Throwable> Optional<T> cause(Throwable ex, Class<T> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return Optional.of(type.cast(current));
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return Optional.empty();
	}

}
