package newsroom.kafka;

import java.util.List;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What operators see of Kafka in every Newsroom service: a {@code kafka} health indicator
 * (put it in the readiness group) and, once the application is ready, a comparison of the
 * topics the service declares with the broker's, each difference logged as a warning.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(KafkaAdmin.class)
public class KafkaSupportAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	AdminClient kafkaAdminClient(KafkaAdmin kafkaAdmin) {
		return AdminClient.create(kafkaAdmin.getConfigurationProperties());
	}

	@Bean
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
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
