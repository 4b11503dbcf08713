package newsroom.enrich.config;

import newsroom.enrich.EnrichServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaOperationsIntegrationTests extends EnrichServiceIntegrationTest {

	@Autowired
	private RestTestClient client;

	@Test
	void includesKafkaInReadiness() {
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("\"kafka\":{\"status\":\"UP\""));
	}

}
