package newsroom.ingest.config;

import newsroom.ingest.IngestClient;
import newsroom.testkit.NewsroomServers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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

	@Test
	void includesKafkaInReadiness() {
		IngestClient.Answer readiness = new IngestClient(this.port).get("/actuator/health/readiness");

		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"kafka\":{\"status\":\"UP\"");
	}

}
