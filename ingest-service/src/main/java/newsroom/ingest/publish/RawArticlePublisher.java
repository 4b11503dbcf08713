package newsroom.ingest.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import newsroom.events.CloudEventHeaders;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import newsroom.ingest.config.IngestProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import org.springframework.core.NestedRuntimeException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The one publisher of {@link Topics#RAW}: key = article id, value = the
 * {@link RawArticle} as JSON, with CloudEvents binary-mode headers. It waits for the
 * broker's acknowledgement (idempotent producer, {@code acks=all}) so that an answer of
 * 202 means the record is stored.
 */
@Component
public class RawArticlePublisher {

	/** The {@code ce_source} of every record ingest-service produces. */
	public static final String EVENT_SOURCE = "/newsroom/ingest-service";

	private final KafkaTemplate<String, RawArticle> template;

	private final Duration timeout;

	RawArticlePublisher(KafkaTemplate<String, RawArticle> template, IngestProperties properties) {
		this.template = template;
		this.timeout = properties.publish().timeout();
	}

	/**
	 * Publishes an article and waits until the broker has it.
	 * @param article the article
	 * @throws PublishFailedException when the broker did not acknowledge within the
	 * configured timeout
	 * @throws ArticleTooLargeException when the record exceeds the allowed record size
	 */
	public void publish(RawArticle article) {
		Optional<RuntimeException> failure = publishAll(List.of(article)).get(0);
		if (failure.isPresent()) {
			throw failure.get();
		}
	}

	/**
	 * Publishes several articles at once and waits until the broker has acknowledged
	 * each, so that a batch costs one round trip instead of one per article.
	 * @param articles the articles, in order
	 * @return for each article, in order, empty when the broker has it, else an
	 * {@link ArticleTooLargeException} or a {@link PublishFailedException}
	 */
	public List<Optional<RuntimeException>> publishAll(List<RawArticle> articles) {
		List<CompletableFuture<?>> sends = new ArrayList<>(articles.size());
		for (RawArticle article : articles) {
			try {
				sends.add(this.template.send(record(article)));
			}
			catch (KafkaException | NestedRuntimeException ex) {
				// Raised by send() itself, for example when no broker answered within
				// max.block.ms: the client's KafkaException, or Spring Kafka's (a
				// NestedRuntimeException whose simple name clashes with the client's).
				sends.add(CompletableFuture.failedFuture(ex));
			}
		}
		long deadline = System.nanoTime() + this.timeout.toNanos();
		List<Optional<RuntimeException>> outcomes = new ArrayList<>(articles.size());
		for (int i = 0; i < articles.size(); i++) {
			outcomes.add(await(sends.get(i), articles.get(i), deadline));
		}
		return outcomes;
	}

	private Optional<RuntimeException> await(CompletableFuture<?> send, RawArticle article, long deadline) {
		try {
			send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return Optional.empty();
		}
		catch (ExecutionException ex) {
			return Optional.of(failure(article, ex.getCause()));
		}
		catch (TimeoutException ex) {
			return Optional.of(new PublishFailedException(article.id(),
					"The broker did not acknowledge article " + article.id() + " within " + this.timeout, ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.of(new PublishFailedException(article.id(),
					"Interrupted while publishing article " + article.id(), ex));
		}
	}

	private static ProducerRecord<String, RawArticle> record(RawArticle article) {
		List<Header> headers = CloudEventHeaders
			.binaryMode(EVENT_SOURCE, CloudEventHeaders.RAW_TYPE, article.ingestedAt())
			.entrySet()
			.stream()
			.<Header>map((header) -> new RecordHeader(header.getKey(), header.getValue()))
			.toList();
		return new ProducerRecord<>(Topics.RAW, null, article.id(), article, headers);
	}

	private static RuntimeException failure(RawArticle article, Throwable cause) {
		for (Throwable current = cause; current != null; current = current.getCause()) {
			if (current instanceof RecordTooLargeException) {
				return new ArticleTooLargeException(
						"Article " + article.id() + " is too large for a record on " + Topics.RAW, current);
			}
		}
		return new PublishFailedException(article.id(),
				"Publishing article " + article.id() + " failed: " + cause.getMessage(), cause);
	}

}
