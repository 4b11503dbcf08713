package newsroom.enrich.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import newsroom.events.DeadLetterHeaders;
import newsroom.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Parks a record that cannot be enriched on {@code <topic>.DLT}: the original key and
 * bytes, the original headers, and {@link DeadLetterHeaders} naming the error. Kafka
 * picks the partition. Called by the after-rollback processor inside a new Kafka
 * transaction, which also commits the parked record's offset.
 */
public final class DeadLetterRecoverer implements ConsumerAwareRecordRecoverer {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

	/** Headers are for a person to read, not for a whole stack of nested messages. */
	private static final int MAX_REASON_CHARS = 1000;

	private final DeadLetterPublishingRecoverer publisher;

	private final EnrichMetrics metrics;

	/**
	 * Create the recoverer.
	 * @param template the transactional template of the service's producer factory, so
	 * that the dead letter joins the after-rollback transaction
	 * @param metrics counts dead-lettered records
	 * @param clock stamps {@link DeadLetterHeaders#FAILED_AT}
	 */
	public DeadLetterRecoverer(KafkaOperations<?, ?> template, EnrichMetrics metrics, Clock clock) {
		this.publisher = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		this.publisher.setHeadersFunction((record, ex) -> reasonHeaders(ex, clock));
		this.metrics = metrics;
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
		Throwable cause = cause(exception);
		this.publisher.accept(record, consumer, exception);
		this.metrics.deadLettered();
		log.warn("Dead-lettered record {}-{}@{} (article {}): {}", record.topic(), record.partition(), record.offset(),
				record.key(), cause.getClass().getName());
	}

	private static Headers reasonHeaders(Exception exception, Clock clock) {
		Throwable cause = cause(exception);
		Headers headers = new RecordHeaders();
		add(headers, DeadLetterHeaders.ERROR, cause.getClass().getName());
		add(headers, DeadLetterHeaders.REASON, reason(cause));
		add(headers, DeadLetterHeaders.FAILED_AT, clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
		return headers;
	}

	/**
	 * The exception that says what was wrong, without the framework's wrappers around it.
	 */
	static Throwable cause(Throwable exception) {
		Throwable cause = exception;
		while ((cause instanceof ListenerExecutionFailedException || cause instanceof DeserializationException
				|| cause instanceof SerializationException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	static String reason(Throwable cause) {
		// Jackson's full message adds a location block; its original message is the
		// reason.
		String message = (cause instanceof JacksonException jackson) ? jackson.getOriginalMessage()
				: cause.getMessage();
		if (message == null || message.isBlank()) {
			return cause.getClass().getSimpleName();
		}
		message = message.strip();
		return (message.length() > MAX_REASON_CHARS) ? message.substring(0, MAX_REASON_CHARS) + "…" : message;
	}

	private static void add(Headers headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
