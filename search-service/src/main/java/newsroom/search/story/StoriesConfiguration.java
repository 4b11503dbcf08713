package newsroom.search.story;

import newsroom.events.Topics;
import newsroom.search.config.SearchProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Kafka wiring of stories: the topic of story snapshots (declared here too, as
 * enrich-service does, so that the listener never waits for the other service to create
 * it) and its dead-letter topic. The listener runs in the service's default container,
 * with its one error handler.
 */
@Configuration(proxyBeanMethods = false)
class StoriesConfiguration {

	@Bean
	NewTopic storiesTopic(SearchProperties properties) {
		return TopicBuilder.name(Topics.STORIES)
			.partitions(properties.topics().partitions())
			.replicas(properties.topics().replicationFactor())
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_RECORD_BYTES))
			.build();
	}

	@Bean
	NewTopic storiesDeadLetterTopic(SearchProperties properties) {
		return TopicBuilder.name(Topics.deadLetter(Topics.STORIES))
			.partitions(properties.topics().partitions())
			.replicas(properties.topics().replicationFactor())
			.config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_RECORD_BYTES))
			.build();
	}

}
