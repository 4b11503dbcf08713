package newsroom.enrich.config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import newsroom.enrich.EnrichServiceIntegrationTest;
import newsroom.events.Topics;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.transaction.KafkaTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConfigurationIntegrationTests extends EnrichServiceIntegrationTest {

	@Autowired
	private KafkaListenerEndpointRegistry registry;

	@Autowired
	private AfterRollbackProcessor<Object, Object> afterRollbackProcessor;

	@Autowired
	private EnrichProperties properties;

	@Test
	void runsRawListenerInKafkaTransactionsWithAfterRollbackProcessor() {
		MessageListenerContainer container = this.registry.getListenerContainer("raw-articles");

		assertThat(container).isInstanceOf(ConcurrentMessageListenerContainer.class);
		assertThat(container.getContainerProperties().getKafkaAwareTransactionManager())
			.isInstanceOf(KafkaTransactionManager.class);
		assertThat(((ConcurrentMessageListenerContainer<?, ?>) container).getConcurrency())
			.isEqualTo(this.properties.concurrency());
		assertThat(((ConcurrentMessageListenerContainer<?, ?>) container).getAfterRollbackProcessor())
			.isSameAs(this.afterRollbackProcessor);
		assertThat(container.getGroupId()).isEqualTo("enrich-service");
	}

	@Test
	void declaresTopicsWithConfiguredPartitionsAndCompactedEnrichedTopic() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, NewsroomServers.kafka().bootstrapServers()))) {
			Map<String, TopicDescription> topics = admin
				.describeTopics(List.of(Topics.RAW, Topics.ENRICHED, Topics.RAW_DLT))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS);
			assertThat(topics.values())
				.allSatisfy((topic) -> assertThat(topic.partitions()).hasSize(this.properties.topics().partitions()));
			ConfigResource enriched = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ENRICHED);
			ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW);
			Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(enriched, raw))
				.all()
				.get(30, TimeUnit.SECONDS);
			assertThat(configs.get(enriched).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
				.isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
			assertThat(configs.get(raw).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
				.isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
		}
	}

}
