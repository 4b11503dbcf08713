package newsroom.search.story;

import java.util.HashMap;
import java.util.Map;

import newsroom.events.Story;
import newsroom.events.Topics;
import newsroom.search.config.SearchProperties;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

/**
 * Kafka wiring of stories: the topic of story snapshots (declared here too, as
 * enrich-service does, so that the listener never waits for the other service to create
 * it), its dead-letter topic, and the listener's container: the service's own settings
 * and its one error handler, with values read as {@link Story}.
 */
@Configuration(proxyBeanMethods = false)
class StoriesConfiguration {

	static final String CONTAINER_FACTORY = "storiesContainerFactory";

	/**
	 * The service's consumer settings (Boot's, with the indexing batches and the
	 * dead-lettering deserializer) with {@link Story} as the type of values, configured
	 * as Boot configures its default container: batches, acknowledgement, start-up and
	 * the error handler.
	 */
	@Bean(CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> storiesContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
		Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
		config.put(JacksonJsonDeserializer.VALUE_DEFAULT_TYPE, Story.class.getName());
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, new DefaultKafkaConsumerFactory<>(config));
		return factory;
	}

	@Bean
	NewTopic storiesTopic(SearchProperties properties) {
		return properties.topics().declare(Topics.STORIES, true);
	}

	@Bean
	NewTopic storiesDeadLetterTopic(SearchProperties properties) {
		return properties.topics().declare(Topics.STORIES_DLT, false);
	}

}
