package newsroom.enrich;

import newsroom.testkit.NewsroomServers;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on the test JVM's real Kafka broker, on a random HTTP port. Shared by
 * the integration tests so that they run against one cached application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.kafka.producer.transaction-id-prefix=enrich-test-${random.uuid}-")
@AutoConfigureRestTestClient
public abstract class EnrichServiceIntegrationTest {

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		NewsroomServers.registerKafka(registry);
	}

}
