package newsroom.enrich.pipeline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties.EOSMode;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.SeekUtils;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * What the container does after it rolled back the transaction of a batch: it seeks every
 * partition of the batch back to the batch's first record, so that the whole batch is
 * read and enriched again, after a back-off pause.
 *
 * <p>
 * When the listener named the record that failed ({@link BatchListenerFailedException})
 * and the same record keeps failing until {@code recordBackOff} runs out, the record is
 * given up: {@link #givenUp} hands it to the next delivery of the batch, which
 * dead-letters it in the transaction that enriches the rest of the batch. A failure that
 * names no record (Kafka unavailable) is retried with {@code batchBackOff}, which should
 * never run out: an outage never makes a dead letter.
 */
final class BatchAfterRollbackProcessor implements AfterRollbackProcessor<Object, Object> {

	private static final Logger log = LoggerFactory.getLogger(BatchAfterRollbackProcessor.class);

	private static final LogAccessor logAccessor = new LogAccessor(BatchAfterRollbackProcessor.class);

	private final BackOff recordBackOff;

	private final BackOff batchBackOff;

	private final Map<Position, Exception> givenUp = new ConcurrentHashMap<>();

	/** Each consumer thread retries its own batches. */
	private final ThreadLocal<Attempts> attempts = new ThreadLocal<>();

	/**
	 * Create the processor.
	 * @param recordBackOff pauses between attempts at a batch whose failing record is
	 * known; when it stops, that record is dead-lettered
	 * @param batchBackOff pauses between attempts at a batch that failed as a whole;
	 * restarted if it ever stops
	 */
	BatchAfterRollbackProcessor(BackOff recordBackOff, BackOff batchBackOff) {
		this.recordBackOff = recordBackOff;
		this.batchBackOff = batchBackOff;
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public void process(List<ConsumerRecord<Object, Object>> records, Consumer<Object, Object> consumer,
			@Nullable MessageListenerContainer container, Exception exception, boolean recoverable, EOSMode eosMode) {
		if (records.isEmpty()) {
			return;
		}
		SeekUtils.doSeeksToBegin((List) records, consumer, logAccessor);
		BatchListenerFailedException named = namedFailure(exception);
		ConsumerRecord<?, ?> failed = (named != null) ? failedRecord(named, records) : null;
		Position position = Position.of((failed != null) ? failed : records.get(0));
		Attempts current = this.attempts.get();
		if (current == null || !current.position().equals(position) || current.ofRecord() != (failed != null)) {
			current = new Attempts(position, failed != null,
					((failed != null) ? this.recordBackOff : this.batchBackOff).start());
			this.attempts.set(current);
		}
		long pause = current.execution().nextBackOff();
		if (pause == BackOffExecution.STOP && failed != null) {
			this.attempts.remove();
			this.givenUp.put(position, named);
			log.warn("Giving up on record {}; it goes to the dead-letter topic when its batch is read again", position);
			return;
		}
		if (pause == BackOffExecution.STOP) {
			current = new Attempts(position, false, this.batchBackOff.start());
			this.attempts.set(current);
			pause = current.execution().nextBackOff();
		}
		pause(container, pause);
	}

	/**
	 * The failure the back-off gave up on for a record: the listener dead-letters the
	 * record instead of enriching it.
	 * @param record a record about to be enriched
	 * @return the failure to name in its dead letter, or {@code null} to enrich it
	 */
	@Nullable Exception givenUp(ConsumerRecord<?, ?> record) {
		return this.givenUp.isEmpty() ? null : this.givenUp.get(Position.of(record));
	}

	/**
	 * Forget a given-up record once its dead letter committed; until then a rolled-back
	 * batch dead-letters it again rather than retrying it from the start.
	 * @param record the dead-lettered record
	 */
	void deadLettered(ConsumerRecord<?, ?> record) {
		this.givenUp.remove(Position.of(record));
	}

	@Override
	public void clearThreadState() {
		this.attempts.remove();
	}

	private static @Nullable BatchListenerFailedException namedFailure(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof BatchListenerFailedException named) {
				return named;
			}
		}
		return null;
	}

	private static @Nullable ConsumerRecord<?, ?> failedRecord(BatchListenerFailedException named,
			List<? extends ConsumerRecord<?, ?>> records) {
		if (named.getRecord() != null) {
			return named.getRecord();
		}
		int index = named.getIndex();
		return (index >= 0 && index < records.size()) ? records.get(index) : null;
	}

	private static void pause(@Nullable MessageListenerContainer container, long millis) {
		try {
			ListenerUtils.stoppableSleep(container, millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Where a record is.
	 *
	 * @param topic its topic
	 * @param partition its partition
	 * @param offset its offset
	 */
	private record Position(String topic, int partition, long offset) {

		static Position of(ConsumerRecord<?, ?> record) {
			return new Position(record.topic(), record.partition(), record.offset());
		}

		@Override
		public String toString() {
			return this.topic + "-" + this.partition + "@" + this.offset;
		}

	}

	/**
	 * The back-off of the batch being retried.
	 *
	 * @param position the failing record, or the batch's first record
	 * @param ofRecord whether the listener named the failing record
	 * @param execution the pauses left
	 */
	private record Attempts(Position position, boolean ofRecord, BackOffExecution execution) {
	}

}
