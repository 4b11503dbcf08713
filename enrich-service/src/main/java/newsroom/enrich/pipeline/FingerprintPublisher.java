package newsroom.enrich.pipeline;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes each enriched article's fingerprint on {@link #TOPIC}, keyed by article id,
 * in the same Kafka transaction as the enriched record: the near-duplicate state never
 * holds an article the enriched topic lacks, nor the other way round.
 */
@Component
public class FingerprintPublisher {

	/** The service's own compacted topic of fingerprints, read back at start-up. */
	public static final String TOPIC = "newsroom.enrich.fingerprints.v1";

	private final KafkaTemplate<String, Fingerprint> template;

	FingerprintPublisher(KafkaTemplate<String, Fingerprint> template) {
		this.template = template;
	}

	CompletableFuture<SendResult<String, Fingerprint>> publish(Fingerprint fingerprint) {
		return this.template.send(new ProducerRecord<>(TOPIC, fingerprint.id(), fingerprint));
	}

}
