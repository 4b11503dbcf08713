package newsroom.ingest.feed;

import newsroom.ingest.config.IngestProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The wiring of the feeds: their compacted internal topics (created at start-up by Boot's
 * {@code KafkaAdmin}) and the template that writes them.
 */
@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

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
	 * The broker settings of the article producer (idempotent, {@code acks=all}), but the
	 * values are the JSON bytes {@link FeedStore} writes. Not a default candidate (nor is
	 * the template): Boot backs off its own producer factory and template for the raw
	 * articles when another one is a candidate.
	 */
	@Bean(defaultCandidate = false)
	DefaultKafkaProducerFactory<String, byte[]> feedStateProducerFactory(ProducerFactory<?, ?> producerFactory) {
		return new DefaultKafkaProducerFactory<>(producerFactory.getConfigurationProperties(), new StringSerializer(),
				new ByteArraySerializer());
	}

	@Bean(defaultCandidate = false)
	KafkaTemplate<String, byte[]> feedStateTemplate(
			@Qualifier("feedStateProducerFactory") ProducerFactory<String, byte[]> feedStateProducerFactory) {
		return new KafkaTemplate<>(feedStateProducerFactory);
	}

}
