package newsroom.search.config;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import newsroom.search.RealServersTestSupport;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaOperationsIntegrationTests extends RealServersTestSupport {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private AdminClient admin;

	@Autowired
	private TopicVerifier topicVerifier;

	@Test
	void includesKafkaAndElasticsearchInReadiness() {
		assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk()
			.bodyText()
			.contains("\"kafka\":{", "\"elasticsearch\":{");
	}

	@Test
	void findsNoDifferenceInTheTopicsItCreated() {
		assertThat(this.topicVerifier.verify()).isEmpty();
	}

	@Test
	void reportsEveryDifferenceKafkaWouldNotFix() throws Exception {
		String name = "verify-" + UUID.randomUUID();
		this.admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
		NewTopic expected = TopicBuilder.name(name).partitions(3).replicas(1).compact().build();

		List<String> differences = new TopicVerifier(this.admin, List.of(expected)).verify();

		assertThat(differences).containsExactlyInAnyOrder(name + " has 1 partitions, not 3",
				name + " has cleanup.policy=delete, not compact");
	}

}
