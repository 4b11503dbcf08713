package newsroom.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.BiFunction;

import newsroom.events.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.core.JacksonException;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.TimestampedException;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * The headers every Newsroom service adds to a dead letter, for a
 * {@code DeadLetterPublishingRecoverer}: {@link DeadLetterHeaders#ERROR} (the class of
 * the exception that rejected the record, not the listener container's wrappers around
 * it), {@link DeadLetterHeaders#REASON} (its message, with the cause's when the exception
 * only says that it failed, cut at {@link #MAX_REASON_CHARS}) and
 * {@link DeadLetterHeaders#FAILED_AT}.
 */
public final class DeadLetterHeadersFunction implements BiFunction<ConsumerRecord<?, ?>, Exception, Headers> {

	/** Headers are for a person to read, not for a whole stack of nested messages. */
	public static final int MAX_REASON_CHARS = 1000;

	private final Clock clock;

	/**
	 * Create the function.
	 * @param clock stamps {@link DeadLetterHeaders#FAILED_AT}
	 */
	public DeadLetterHeadersFunction(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Headers apply(ConsumerRecord<?, ?> record, Exception exception) {
		Throwable cause = cause(exception);
		Headers headers = new RecordHeaders();
		add(headers, DeadLetterHeaders.ERROR, cause.getClass().getName());
		add(headers, DeadLetterHeaders.REASON, reason(cause));
		add(headers, DeadLetterHeaders.FAILED_AT, this.clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
		return headers;
	}

	/**
	 * The exception that says what was wrong, without the framework's wrappers around it.
	 * @param exception what the container caught
	 * @return the innermost exception that is not a wrapper
	 */
	public static Throwable cause(Throwable exception) {
		Throwable cause = exception;
		while (wrapper(cause) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * What was wrong, for a person to act on.
	 * @param cause the rejecting exception
	 * @return its message (Jackson's without the location block), and its own cause's
	 * message when it has one, at most {@link #MAX_REASON_CHARS} characters
	 */
	public static String reason(Throwable cause) {
		StringBuilder reason = new StringBuilder(message(cause));
		Throwable detail = cause.getCause();
		if (detail != null && detail != cause && detail.getMessage() != null) {
			// "Failed to deserialize" says that it failed; its cause says where.
			reason.append(": ").append(message(detail));
		}
		String text = reason.toString().strip();
		return (text.length() > MAX_REASON_CHARS) ? text.substring(0, MAX_REASON_CHARS) + "…" : text;
	}

	private static String message(Throwable exception) {
		String message = (exception instanceof JacksonException jackson) ? jackson.getOriginalMessage()
				: exception.getMessage();
		return (message == null || message.isBlank()) ? exception.getClass().getSimpleName() : message.strip();
	}

	private static boolean wrapper(Throwable exception) {
		return exception instanceof ListenerExecutionFailedException
				|| exception instanceof BatchListenerFailedException || exception instanceof TimestampedException
				|| exception instanceof DeserializationException || exception instanceof SerializationException;
	}

	private static void add(Headers headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
