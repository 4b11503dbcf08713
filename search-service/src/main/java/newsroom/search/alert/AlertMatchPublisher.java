package newsroom.search.alert;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import newsroom.events.AlertMatched;
import newsroom.events.CloudEventHeaders;
import newsroom.events.Topics;
import newsroom.search.config.SearchProperties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Publishes matches on {@link Topics#ALERTS}, keyed by alert id, with CloudEvents headers
 * whose {@code ce_id} is {@code alertId/articleId}, so a subscriber can tell one match
 * from another by the id alone. Its producer is transactional and of its own: the alert
 * listener's container runs each batch in a transaction of this producer, so the matches
 * and the enriched offsets they came from commit together. The service's other producer
 * (dead letters) stays non-transactional, and neither is a bean, so Boot's stays as it
 * is.
 */
@Component
class AlertMatchPublisher implements DisposableBean {

	static final String SOURCE = "/newsroom/search-service";

	private final DefaultKafkaProducerFactory<String, AlertMatched> producers;

	private final KafkaTemplate<String, AlertMatched> template;

	private final KafkaTransactionManager<String, AlertMatched> transactionManager;

	AlertMatchPublisher(ProducerFactory<?, ?> boot, JsonMapper json, SearchProperties properties) {
		Map<String, Object> config = new HashMap<>(boot.getConfigurationProperties());
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
				new JacksonJsonSerializer<AlertMatched>(json).noTypeInfo());
		this.producers.setTransactionIdPrefix(properties.alerts().transactionIdPrefix());
		this.template = new KafkaTemplate<>(this.producers);
		this.transactionManager = new KafkaTransactionManager<>(this.producers);
		// Kafka's manager runs without synchronizations by default; the matcher marks
		// matches published after the commit through one.
		this.transactionManager
			.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
	}

	/**
	 * The transaction manager the alert listener's container runs batches in.
	 * @return the manager of this publisher's producer
	 */
	KafkaTransactionManager<String, AlertMatched> transactionManager() {
		return this.transactionManager;
	}

	/**
	 * Send matches inside the current transaction; they become visible to
	 * {@code read_committed} readers when it commits, and never if it rolls back.
	 * @param matches the matches to publish
	 */
	void publish(List<MatchCandidate> matches) {
		for (MatchCandidate match : matches) {
			AlertMatched event = match.event();
			this.template.send(new ProducerRecord<>(Topics.ALERTS, null, event.alertId(), event, headers(event)));
		}
	}

	private static Headers headers(AlertMatched event) {
		Headers headers = new RecordHeaders();
		CloudEventHeaders
			.binaryMode(event.alertId() + "/" + event.articleId(), SOURCE, CloudEventHeaders.ALERT_MATCH_TYPE,
					event.matchedAt())
			.forEach(headers::add);
		return headers;
	}

	@Override
	public void destroy() {
		this.producers.destroy();
	}

}
