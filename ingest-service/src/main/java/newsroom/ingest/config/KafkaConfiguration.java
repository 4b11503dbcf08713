package newsroom.ingest.config;

import java.util.Map;

import newsroom.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the raw article topic, so that Boot's {@code KafkaAdmin} creates it at
 * start-up, and sizes records so that any accepted request body fits in one. The feeds
 * declare their own internal topics.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	NewTopic rawArticlesTopic(IngestProperties properties) {
		return TopicBuilder.name(Topics.RAW)
			.partitions(properties.topics().partitions())
			.replicas(properties.topics().replicationFactor())
			.config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(properties.maxRecordBytes()))
			.build();
	}

	/**
	 * The producer's request limit follows the body limit, so that a body the API accepts
	 * is never refused by the producer's 1 MB default.
	 */
	@Bean
	DefaultKafkaProducerFactoryCustomizer recordSizeCustomizer(IngestProperties properties) {
		return (factory) -> factory
			.updateConfigs(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, properties.maxRecordBytes()));
	}

}
