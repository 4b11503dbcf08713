package newsroom.search.indexing;

import java.time.Clock;
import java.util.Map;

import newsroom.events.EnrichedArticle;
import newsroom.events.Story;
import newsroom.events.Topics;
import newsroom.kafka.DeadLetterHeadersFunction;
import newsroom.search.config.SearchProperties;
import newsroom.search.elasticsearch.DocumentRejectedException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * Kafka wiring of indexing: the topics this service reads and writes, the batch size, and
 * the one error handler that dead-letters unusable records and retries everything else
 * without end.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	NewTopic enrichedTopic(SearchProperties properties) {
		return properties.topics().declare(Topics.ENRICHED, true);
	}

	@Bean
	NewTopic enrichedDeadLetterTopic(SearchProperties properties) {
		return properties.topics().declare(Topics.ENRICHED_DLT, false);
	}

	/**
	 * Bulks as large as the traffic allows: enrich-service commits a batch of articles at
	 * a time, and a fetch waits a little for more, so that each bulk (one translog sync,
	 * one round of segment writes in Elasticsearch) carries many articles when the topic
	 * is busy, while a lone article still goes within {@code fetchMaxWait}.
	 */
	@Bean
	DefaultKafkaConsumerFactoryCustomizer indexingBatches(SearchProperties properties) {
		SearchProperties.Indexing indexing = properties.indexing();
		return (factory) -> factory.updateConfigs(Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, indexing.batchSize(),
				ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
				(int) Math.min(Integer.MAX_VALUE, indexing.fetchMinSize().toBytes()),
				ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
				(int) Math.min(Integer.MAX_VALUE, indexing.fetchMaxWait().toMillis())));
	}

	/**
	 * The records this producer sends are dead letters (alert matches have a producer of
	 * their own): an unreadable record keeps its original bytes, a readable one (an
	 * enriched article or a story snapshot) is written back as JSON without type headers.
	 */
	@Bean
	@SuppressWarnings("unchecked")
	DefaultKafkaProducerFactoryCustomizer deadLetterValueSerializer() {
		return (factory) -> {
			JacksonJsonSerializer<Object> json = new JacksonJsonSerializer<>().noTypeInfo();
			DelegatingByTypeSerializer serializer = new DelegatingByTypeSerializer(
					Map.of(byte[].class, new ByteArraySerializer(), EnrichedArticle.class, json, Story.class, json));
			DefaultKafkaProducerFactory<Object, Object> objectFactory = (DefaultKafkaProducerFactory<Object, Object>) factory;
			objectFactory.setValueSerializer(serializer);
			objectFactory.setConfigureSerializers(false);
			// A dead letter is as large as the enriched record it parks.
			objectFactory.updateConfigs(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RECORD_BYTES));
		};
	}

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> template, SearchProperties properties, Clock clock) {
		// Partition -1: Kafka picks the dead-letter partition, whatever its count.
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		recoverer.addHeadersFunction(new DeadLetterHeadersFunction(clock));
		// Offsets stay where they are while the batch is retried.
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, IndexingBackOff.of(properties.indexing()));
		handler.addNotRetryableExceptions(DocumentRejectedException.class);
		// Hand the records after a dead-lettered one straight back to the listener
		// instead of seeking and logging the seek as an error.
		handler.setSeekAfterError(false);
		return handler;
	}

}
