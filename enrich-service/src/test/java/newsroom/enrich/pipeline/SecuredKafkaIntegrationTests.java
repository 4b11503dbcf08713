package newsroom.enrich.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import newsroom.enrich.TestArticles;
import newsroom.enrich.TestKafka;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import newsroom.testkit.SecuredServers;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * enrich-service on a broker that takes SASL_SSL only (TLS with a self-signed
 * certificate, SCRAM-SHA-512), configured with nothing but Spring Boot's own settings
 * ({@code spring.kafka.security.protocol}, {@code spring.kafka.properties.sasl.*},
 * {@code spring.kafka.ssl.trust-store-*}): it creates its topics, consumes a raw record
 * and publishes the enriched one in a Kafka transaction, all over the secured listener.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.kafka.producer.transaction-id-prefix=enrich-secured-${random.uuid}-")
class SecuredKafkaIntegrationTests {

	@Autowired
	private JsonMapper jsonMapper;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		SecuredServers.registerKafka(registry);
	}

	@Test
	void consumesAndPublishesInTransactionsOverSaslSsl() {
		RawArticle raw = TestKafka.rawArticle(TestArticles.SAMPLE_TITLE, TestArticles.sample(TestArticles.SAMPLE));

		TestKafka.send(broker(), TestKafka.rawRecord(raw.id(), null, this.jsonMapper.writeValueAsBytes(raw)));
		List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(broker(), Topics.ENRICHED,
				TestKafka.hasKeys(raw.id()));

		List<ConsumerRecord<String, byte[]>> enriched = TestKafka.withKey(records, raw.id());
		assertThat(enriched).hasSize(1);
		JsonNode value = this.jsonMapper.readTree(enriched.get(0).value());
		assertThat(value.path("title").asString()).isEqualTo(TestArticles.SAMPLE_TITLE);
		assertThat(value.path("language").asString()).isEqualTo("en");
		assertThat(value.path("entities").isArray()).isTrue();
	}

	/** The secured broker's address with the test user's SASL_SSL settings. */
	private static Map<String, Object> broker() {
		Map<String, Object> broker = new HashMap<>(SecuredServers.kafka().clientProperties());
		broker.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SecuredServers.kafka().bootstrapServers());
		return broker;
	}

}
