package newsroom.ingest.config;

import java.util.List;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What operators see of Kafka: a readiness check and a start-up comparison of the
 * declared topics with the broker's.
 */
@Configuration(proxyBeanMethods = false)
class KafkaOperationsConfiguration {

	@Bean(destroyMethod = "close")
	AdminClient kafkaAdminClient(KafkaAdmin kafkaAdmin) {
		return AdminClient.create(kafkaAdmin.getConfigurationProperties());
	}

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(AdminClient kafkaAdminClient) {
		return new KafkaHealthIndicator(kafkaAdminClient);
	}

	@Bean
	TopicVerifier topicVerifier(AdminClient kafkaAdminClient, List<NewTopic> topics) {
		return new TopicVerifier(kafkaAdminClient, topics);
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> verifyTopicsWhenReady(TopicVerifier topicVerifier) {
		return (event) -> topicVerifier.verify();
	}

}
