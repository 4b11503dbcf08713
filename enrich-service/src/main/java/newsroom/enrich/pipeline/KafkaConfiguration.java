package newsroom.enrich.pipeline;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import newsroom.enrich.config.EnrichProperties;
import newsroom.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka wiring: topics, (de)serializers, the listener container factory and the
 * after-rollback processor that retries a failed batch.
 *
 * <p>
 * With {@code spring.kafka.producer.transaction-id-prefix} set, Boot creates a
 * {@code KafkaTransactionManager} on the producer factory and sets it on every listener
 * container, which then runs each poll's batch in a Kafka transaction: the enriched
 * records, the dead letters and the raw records' offsets commit together. On a failure
 * the transaction rolls back and the container calls the {@code AfterRollbackProcessor}
 * bean (Boot also wires that); error handlers are not the tool with container
 * transactions.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	NewTopic rawTopic(EnrichProperties properties) {
		return topic(Topics.RAW, properties).build();
	}

	@Bean
	NewTopic enrichedTopic(EnrichProperties properties) {
		// Compacted: the latest enrichment of each article id is what a replay rebuilds.
		return topic(Topics.ENRICHED, properties).compact().build();
	}

	@Bean
	NewTopic fingerprintTopic(EnrichProperties properties) {
		// Compacted: one fingerprint per article id is all the near-duplicate check
		// needs.
		return topic(FingerprintPublisher.TOPIC, properties).compact().build();
	}

	@Bean
	NewTopic storiesTopic(EnrichProperties properties) {
		// Compacted: a story's latest snapshot is all a subscriber, or a restart, needs.
		return topic(Topics.STORIES, properties).compact().build();
	}

	@Bean
	NewTopic rawDeadLetterTopic(EnrichProperties properties) {
		return topic(Topics.RAW_DLT, properties).build();
	}

	private static TopicBuilder topic(String name, EnrichProperties properties) {
		return TopicBuilder.name(name)
			.partitions(properties.topics().partitions())
			.replicas(properties.topics().replicationFactor())
			.config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_RECORD_BYTES));
	}

	/**
	 * The raw value is read by {@link RawArticleDeserializer} inside an
	 * {@link ErrorHandlingDeserializer}: a record that is not JSON or breaks the schema
	 * arrives at the container as a failed record carrying its original bytes, instead of
	 * failing the poll and stalling the partition.
	 */
	@Bean
	@SuppressWarnings({ "unchecked", "rawtypes" })
	DefaultKafkaConsumerFactoryCustomizer rawArticleDeserializer(JsonMapper jsonMapper) {
		return (factory) -> {
			DefaultKafkaConsumerFactory consumerFactory = factory;
			consumerFactory.setKeyDeserializerSupplier(StringDeserializer::new);
			consumerFactory.setValueDeserializerSupplier(
					() -> (Deserializer) new ErrorHandlingDeserializer<>(new RawArticleDeserializer(jsonMapper)));
		};
	}

	/**
	 * One producer factory serves both the enriched records (JSON, no type headers) and
	 * the dead letters (the original bytes, unchanged): both must be sent by the producer
	 * that owns the current transaction.
	 */
	@Bean
	@SuppressWarnings({ "unchecked", "rawtypes" })
	DefaultKafkaProducerFactoryCustomizer valueSerializer(JsonMapper jsonMapper) {
		return (factory) -> {
			DefaultKafkaProducerFactory producerFactory = factory;
			// An enriched article is larger than its raw record, and a dead letter is as
			// large.
			producerFactory.updateConfigs(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RECORD_BYTES));
			producerFactory.setValueSerializerSupplier(() -> {
				Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
				delegates.put(byte[].class, new ByteArraySerializer());
				delegates.put(Object.class, new JacksonJsonSerializer<>(jsonMapper).noTypeInfo());
				return (Serializer) new DelegatingByTypeSerializer(delegates, true);
			});
		};
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
			ConsumerFactory<Object, Object> consumerFactory, EnrichProperties properties) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumerFactory);
		factory.setConcurrency(properties.concurrency());
		return factory;
	}

	/**
	 * A failed send is logged without the record: when a batch rolls back, the send of
	 * every article in it fails, and the log would carry each whole article.
	 */
	@Bean
	LoggingProducerListener<Object, Object> kafkaProducerListener() {
		LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
		listener.setIncludeContents(false);
		return listener;
	}

	@Bean
	DeadLetterRecoverer deadLetterRecoverer(KafkaTemplate<Object, Object> kafkaTemplate, EnrichMetrics metrics,
			Clock clock) {
		return new DeadLetterRecoverer(kafkaTemplate, metrics, clock);
	}

	/**
	 * Unreadable and invalid records never get here: they are dead-lettered on their
	 * first delivery. A record that fails to enrich is retried with exponential back-off
	 * (with its batch, from the same offsets), then dead-lettered; a batch that fails as
	 * a whole (Kafka unavailable) is retried without end, so no record is dropped.
	 */
	@Bean
	BatchAfterRollbackProcessor afterRollbackProcessor(EnrichProperties properties) {
		ExponentialBackOff forever = backOff(properties.retry());
		forever.setMaxElapsedTime(Long.MAX_VALUE);
		return new BatchAfterRollbackProcessor(backOff(properties.retry()), forever);
	}

	private static ExponentialBackOff backOff(EnrichProperties.Retry retry) {
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		backOff.setMaxElapsedTime(retry.maxElapsedTime().toMillis());
		return backOff;
	}

}
