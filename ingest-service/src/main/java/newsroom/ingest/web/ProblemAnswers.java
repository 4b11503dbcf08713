package newsroom.ingest.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import newsroom.ingest.article.ArticleValidationException;
import newsroom.ingest.article.FieldProblem;
import newsroom.ingest.article.JsonProblems;
import newsroom.ingest.batch.NotABatchException;
import newsroom.ingest.fetch.FetchFailedException;
import newsroom.ingest.fetch.ForbiddenTargetException;
import newsroom.ingest.publish.ArticleTooLargeException;
import newsroom.ingest.publish.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error with RFC 9457 {@code application/problem+json}: 400 with
 * {@code errors: [{field, message}]} for invalid articles and unreadable bodies, 401,
 * 413, 415, and 503 when the broker is unavailable (an outage, never a reaction to
 * input). Spring MVC's own exceptions (404, 405, 415...) are answered by the base class.
 */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

	static final String ERRORS = "errors";

	/** Seconds a client should wait before retrying after a broker outage. */
	private static final String RETRY_AFTER_SECONDS = "5";

	@ExceptionHandler
	ResponseEntity<Object> invalidArticle(ArticleValidationException ex, WebRequest request) {
		return badRequest(ex, "Invalid article", ex.getProblems(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidRequest(InvalidRequestException ex, WebRequest request) {
		return badRequest(ex, ex.getTitle(), ex.getProblems(), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> notABatch(NotABatchException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Malformed request body");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> forbiddenTarget(ForbiddenTargetException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage() + ".");
		problem.setTitle("Target refused");
		problem.setProperty(ERRORS, List.of(new FieldProblem("url", ex.getMessage())));
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> fetchFailed(FetchFailedException ex, WebRequest request) {
		HttpStatus status = switch (ex.getReason()) {
			case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
			case UNSUPPORTED_CONTENT, TOO_LARGE -> HttpStatus.UNPROCESSABLE_CONTENT;
			default -> HttpStatus.BAD_GATEWAY;
		};
		log.info("Fetching {} failed: {}", ex.getUrl(), ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"Fetching " + ex.getUrl() + " failed: " + ex.getMessage() + ".");
		problem.setTitle(switch (status) {
			case GATEWAY_TIMEOUT -> "Upstream timeout";
			case UNPROCESSABLE_CONTENT -> "Unsupported upstream content";
			default -> "Upstream failure";
		});
		problem.setProperty("reason", ex.getReason().tag());
		return handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> apiKeyRejected(ApiKeyRejectedException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ex.getMessage());
		problem.setTitle("Missing or invalid API key");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeyFilter.HEADER + "\"");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.UNAUTHORIZED, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> bodyTooLarge(RequestBodyTooLargeException ex, WebRequest request) {
		return tooLarge(ex, ex.getMessage() + " (" + ex.getSetting() + ")", request);
	}

	@ExceptionHandler
	ResponseEntity<Object> articleTooLarge(ArticleTooLargeException ex, WebRequest request) {
		return tooLarge(ex, "The article is too large to be published as one record", request);
	}

	@ExceptionHandler
	ResponseEntity<Object> publishFailed(PublishFailedException ex, WebRequest request) {
		log.warn("Article {} could not be published: {}", ex.getArticleId(), ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The article could not be stored right now. Retry later: the same article keeps the same id, "
						+ "so a retry never creates a second one.");
		problem.setTitle("Message broker unavailable");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
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

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Request failed unexpectedly", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request failed because of an internal error.");
		problem.setTitle("Internal error");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
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
			return badRequest(ex, "Invalid article", List.of(JsonProblems.of(mapping.get())), request);
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

	private ResponseEntity<Object> badRequest(Exception ex, String title, List<FieldProblem> problems,
			WebRequest request) {
		String detail = problems.stream()
			.map((problem) -> problem.field() + " " + problem.message())
			.collect(Collectors.joining("; ", "", "."));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(title);
		problem.setProperty(ERRORS, problems);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	private ResponseEntity<Object> tooLarge(Exception ex, String detail, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
		problem.setTitle("Request body too large");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
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
