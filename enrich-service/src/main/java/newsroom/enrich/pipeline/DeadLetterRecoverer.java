package newsroom.enrich.pipeline;

import java.time.Clock;

import newsroom.events.Topics;
import newsroom.kafka.DeadLetterHeadersFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Parks a record that cannot be enriched on {@code <topic>.DLT}: the original key and
 * bytes, the original headers, and the dead-letter headers naming the error
 * ({@link DeadLetterHeadersFunction}). Kafka picks the partition. Called by the
 * {@link RawArticleProcessor} inside the transaction of the record's batch, which also
 * commits the parked record's offset.
 */
public final class DeadLetterRecoverer implements ConsumerAwareRecordRecoverer {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

	private final DeadLetterPublishingRecoverer publisher;

	private final EnrichMetrics metrics;

	/**
	 * Create the recoverer.
	 * @param template the transactional template of the service's producer factory, so
	 * that the dead letter joins the batch's transaction
	 * @param metrics counts dead-lettered records
	 * @param clock stamps the time of failure
	 */
	public DeadLetterRecoverer(KafkaOperations<?, ?> template, EnrichMetrics metrics, Clock clock) {
		this.publisher = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		this.publisher.setHeadersFunction(new DeadLetterHeadersFunction(clock));
		this.metrics = metrics;
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
		Throwable cause = DeadLetterHeadersFunction.cause(exception);
		this.publisher.accept(record, consumer, exception);
		this.metrics.deadLettered();
		log.warn("Dead-lettered record {}-{}@{} (article {}): {}", record.topic(), record.partition(), record.offset(),
				record.key(), cause.getClass().getName());
	}

}
