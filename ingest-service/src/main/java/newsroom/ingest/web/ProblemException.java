package newsroom.ingest.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error that carries its own problem answer (status, title, detail), which
 * {@code ProblemAnswers} sends as {@code application/problem+json}. Unlike its base class
 * it keeps a plain message, for logs and for the feed state that records why a poll
 * failed.
 */
public class ProblemException extends ErrorResponseException {

	private final String message;

	/**
	 * An error answered with the given problem.
	 * @param status the answer's status
	 * @param title the problem's title
	 * @param detail what a person reads in the answer
	 * @param message what the logs say
	 * @param cause the failure behind it, may be {@code null}
	 */
	protected ProblemException(HttpStatus status, String title, String detail, String message, Throwable cause) {
		super(status, ProblemDetail.forStatusAndDetail(status, detail), cause);
		getBody().setTitle(title);
		this.message = message;
	}

	@Override
	public String getMessage() {
		return this.message;
	}

}
