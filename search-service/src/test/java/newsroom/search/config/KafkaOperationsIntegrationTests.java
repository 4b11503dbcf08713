package newsroom.search.config;

import newsroom.search.RealServersTestSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaOperationsIntegrationTests extends RealServersTestSupport {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ConsumerFactory<?, ?> consumers;

	@Test
	void includesKafkaAndElasticsearchInReadiness() {
		assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk()
			.bodyText()
			.contains("\"kafka\":{", "\"elasticsearch\":{");
	}

	@Test
	void fetchesEnrichedRecordsInBulkSizedBatchesWithABoundedWait() {
		assertThat(this.consumers.getConfigurationProperties())
			.containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500)
			.containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024 * 1024)
			.containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 250);
	}

}
