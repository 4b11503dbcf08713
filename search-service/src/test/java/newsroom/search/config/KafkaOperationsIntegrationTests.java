package newsroom.search.config;

import newsroom.search.RealServersTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaOperationsIntegrationTests extends RealServersTestSupport {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void includesKafkaAndElasticsearchInReadiness() {
		assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk()
			.bodyText()
			.contains("\"kafka\":{", "\"elasticsearch\":{");
	}

}
