package newsroom.ingest.config;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import newsroom.ingest.IngestClient;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KafkaOperationsIntegrationTests {

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		NewsroomServers.registerKafka(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private AdminClient admin;

	@Autowired
	private TopicVerifier topicVerifier;

	@Test
	void includesKafkaInReadiness() {
		IngestClient.Answer readiness = new IngestClient(this.port).get("/actuator/health/readiness");

		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"kafka\":{\"status\":\"UP\"");
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
