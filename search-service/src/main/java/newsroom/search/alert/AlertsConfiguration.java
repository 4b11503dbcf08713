package newsroom.search.alert;

import newsroom.events.Topics;
import newsroom.search.config.SearchProperties;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka wiring of alerts: the public matches topic, the compacted topic the alerts live
 * in, and the transactional container the alert listener runs in.
 */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

	static final String CONTAINER_FACTORY = "alertsContainerFactory";

	@Bean
	NewTopic alertMatchesTopic(SearchProperties properties) {
		return properties.topics().declare(Topics.ALERTS, false);
	}

	/**
	 * One partition: alerts are few and small, and one partition keeps every change in
	 * the order it was made.
	 */
	@Bean
	NewTopic savedAlertsTopic(SearchProperties properties) {
		return TopicBuilder.name(properties.alerts().topic())
			.partitions(1)
			.replicas(properties.topics().replicationFactor())
			.compact()
			.build();
	}

	/**
	 * Batches in Kafka transactions of the {@link AlertMatchPublisher}'s producer,
	 * offsets sent to the transaction; after a rollback the batch is fetched again after
	 * a pause that grows as the indexer's does, without end: Elasticsearch or Kafka being
	 * away is never a reason to drop a match. It starts with the other listeners, or not
	 * at all (the reindex command).
	 */
	@Bean(CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> alertsContainerFactory(
			ConsumerFactory<Object, Object> consumers, AlertMatchPublisher publisher, KafkaProperties kafka,
			SearchProperties properties) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(consumers);
		factory.setBatchListener(true);
		factory.setAutoStartup(kafka.getListener().isAutoStartup());
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
		factory.getContainerProperties().setKafkaAwareTransactionManager(publisher.transactionManager());
		SearchProperties.Indexing retry = properties.indexing();
		ExponentialBackOff backOff = new ExponentialBackOff(retry.retryInitialInterval().toMillis(),
				retry.retryMultiplier());
		backOff.setMaxInterval(retry.retryMaxInterval().toMillis());
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		factory.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(backOff));
		return factory;
	}

}
