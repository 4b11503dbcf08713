package newsroom.enrich;

import newsroom.testkit.NewsroomServers;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on the test JVM's real Kafka broker, on a random HTTP port. Shared by
 * the integration tests so that they run against one cached application context, whose
 * enricher fails on {@link PoisonArticles} and whose retries give up within a second or
 * two.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.producer.transaction-id-prefix=enrich-test-${random.uuid}-",
				"newsroom.enrich.retry.initial-interval=100ms", "newsroom.enrich.retry.max-elapsed-time=1s" })
@AutoConfigureRestTestClient
@Import(PoisonArticles.class)
public abstract class EnrichServiceIntegrationTest {

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		NewsroomServers.registerKafka(registry);
	}

}
