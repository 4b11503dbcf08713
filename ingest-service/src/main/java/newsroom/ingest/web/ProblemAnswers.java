package newsroom.ingest.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import newsroom.web.ProblemAnswersSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Answers every error with RFC 9457 {@code application/problem+json}. The features'
 * errors are {@link ErrorResponseException}s that carry their own answer (the base class
 * sends it); what is left here is cross-cutting: bodies over the size limit (413),
 * unreadable or malformed bodies (400), the framework's own refusals
 * ({@link ProblemAnswersSupport}), and anything unexpected (500).
 */
@RestControllerAdvice
class ProblemAnswers extends ProblemAnswersSupport {

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
	 * What the base class caught by type but does not recognise is unexpected here too.
	 */
	@Override
	protected ResponseEntity<Object> notRecognised(Exception ex, WebRequest request) {
		return unexpected(ex, request);
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
