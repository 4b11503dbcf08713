package newsroom.ingest.config;

import java.util.Map;

import newsroom.events.Topics;
import newsroom.ingest.feed.FeedTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the topics ingest-service writes (the raw articles, and the compacted internal
 * feed-state topics), so that Boot's {@code KafkaAdmin} creates them at start-up, and
 * sizes records so that any accepted request body fits in one.
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
	 * Feed registrations and poll state, keyed by feed id: only the latest matters.
	 */
	@Bean
	NewTopic feedStateTopic(IngestProperties properties) {
		return TopicBuilder.name(FeedTopics.FEEDS)
			.partitions(1)
			.replicas(properties.topics().replicationFactor())
			.compact()
			.build();
	}

	/**
	 * The feed entries already handled, keyed by feed and entry: only presence matters.
	 */
	@Bean
	NewTopic feedEntriesTopic(IngestProperties properties) {
		return TopicBuilder.name(FeedTopics.SEEN_ENTRIES)
			.partitions(properties.topics().partitions())
			.replicas(properties.topics().replicationFactor())
			.compact()
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
