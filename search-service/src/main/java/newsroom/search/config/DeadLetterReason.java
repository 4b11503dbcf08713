package newsroom.search.config;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import newsroom.events.DeadLetterHeaders;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.TimestampedException;

/**
 * Why a record was dead-lettered, as an operator reads it in the
 * {@link DeadLetterHeaders} of the parked record: the exception that rejected it (not the
 * listener-container wrappers around it) and its message.
 *
 * @param error class name of the rejecting exception
 * @param reason what was wrong, for a person to act on
 * @param failedAt when the record was parked
 */
record DeadLetterReason(String error, String reason, Instant failedAt) {

	private static final int MAX_REASON_LENGTH = 2000;

	static DeadLetterReason of(Throwable exception) {
		Throwable cause = unwrap(exception);
		StringBuilder reason = new StringBuilder(String.valueOf(cause.getMessage()));
		Throwable detail = cause.getCause();
		if (detail != null && detail != cause && detail.getMessage() != null) {
			// A DeserializationException only says that it failed; its cause says where.
			reason.append(": ").append(detail.getMessage());
		}
		String text = (reason.length() > MAX_REASON_LENGTH) ? reason.substring(0, MAX_REASON_LENGTH)
				: reason.toString();
		return new DeadLetterReason(cause.getClass().getName(), text, Instant.now());
	}

	private static Throwable unwrap(Throwable exception) {
		Throwable current = exception;
		while ((current instanceof ListenerExecutionFailedException || current instanceof BatchListenerFailedException
				|| current instanceof TimestampedException) && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	Headers toHeaders() {
		RecordHeaders headers = new RecordHeaders();
		headers.add(DeadLetterHeaders.ERROR, this.error.getBytes(StandardCharsets.UTF_8));
		headers.add(DeadLetterHeaders.REASON, this.reason.getBytes(StandardCharsets.UTF_8));
		headers.add(DeadLetterHeaders.FAILED_AT, this.failedAt.toString().getBytes(StandardCharsets.UTF_8));
		return headers;
	}

}
