package newsroom.enrich.pipeline;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import newsroom.events.CloudEventHeaders;
import newsroom.events.EnrichedArticle;
import newsroom.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes enriched articles on {@link Topics#ENRICHED}, keyed by article id, with
 * CloudEvents binary-mode headers. Sends join the Kafka transaction the listener
 * container started, so a record only becomes visible when the raw record's offset
 * commits with it (and with the rest of its batch).
 */
@Component
class EnrichedArticlePublisher {

	static final String SOURCE = "/newsroom/enrich-service";

	private final KafkaTemplate<String, EnrichedArticle> template;

	EnrichedArticlePublisher(KafkaTemplate<String, EnrichedArticle> template) {
		this.template = template;
	}

	CompletableFuture<SendResult<String, EnrichedArticle>> publish(EnrichedArticle article) {
		return this.template.send(new ProducerRecord<>(Topics.ENRICHED, null, article.id(), article,
				cloudEventHeaders(CloudEventHeaders.ENRICHED_TYPE, article.enrichedAt())));
	}

	/**
	 * Wait until every record sent so far in this thread's transaction is acknowledged or
	 * failed; the transaction's commit would wait for them anyway.
	 */
	void flush() {
		this.template.flush();
	}

	/**
	 * The CloudEvents headers of a record this service publishes.
	 * @param type the {@code ce_type}
	 * @param time the {@code ce_time}
	 * @return the headers
	 */
	static Headers cloudEventHeaders(String type, Instant time) {
		Headers headers = new RecordHeaders();
		CloudEventHeaders.binaryMode(SOURCE, type, time).forEach(headers::add);
		return headers;
	}

}
