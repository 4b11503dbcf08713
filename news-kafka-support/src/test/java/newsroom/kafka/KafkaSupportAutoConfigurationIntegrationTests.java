package newsroom.kafka;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.TopicBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auto-configuration on the real broker: the health indicator answers with the
 * cluster, and the verifier reports exactly the differences Kafka would not fix itself.
 */
class KafkaSupportAutoConfigurationIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, KafkaSupportAutoConfiguration.class))
		.withPropertyValues("spring.kafka.bootstrap-servers=" + NewsroomServers.kafka().bootstrapServers());

	@Test
	void reportsTheClusterUp() {
		this.runner.run((context) -> {
			Health health = context.getBean(KafkaHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsKeys("clusterId", "nodes");
		});
	}

	@Test
	void findsNoDifferenceInTopicsItCreatedAndEveryDifferenceKafkaWouldNotFix() {
		String created = "verify-same-" + UUID.randomUUID();
		String other = "verify-other-" + UUID.randomUUID();
		this.runner.withBean("created", NewTopic.class, () -> TopicBuilder.name(created).partitions(2).build())
			.run((context) -> {
				AdminClient admin = context.getBean(AdminClient.class);
				// KafkaAdmin created the declared topic as the context started.
				admin.createTopics(List.of(new NewTopic(other, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
				assertThat(context.getBean(TopicVerifier.class).verify()).isEmpty();

				NewTopic expected = TopicBuilder.name(other).partitions(3).replicas(1).compact().build();
				// A topic just created may not be described yet: the verifier then
				// reports
				// nothing rather than failing the start-up.
				await().atMost(Duration.ofSeconds(20))
					.untilAsserted(() -> assertThat(new TopicVerifier(admin, List.of(expected)).verify())
						.containsExactlyInAnyOrder(other + " has 1 partitions, not 3",
								other + " has cleanup.policy=delete, not compact"));
			});
	}

	@Test
	void staysOutOfAnApplicationWithoutKafka() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KafkaSupportAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TopicVerifier.class));
	}

}
