package newsroom.example;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import newsroom.events.AlertMatched;
import newsroom.events.Topics;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AlertSubscriberIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void receivesCommittedMatchesOnlyAndToleratesNewFields() throws Exception {
		String bootstrap = NewsroomServers.kafka().bootstrapServers();
		String alertId = UUID.randomUUID().toString();
		AlertMatched committed = match(alertId, "reef-1", "Reef bleaching spreads");
		AlertMatched aborted = match(alertId, "reef-2", "Never committed");
		ObjectNode newer = this.json.valueToTree(match(alertId, "reef-3", "From a newer producer"));
		newer.put("score", 0.7);

		createTopic(bootstrap);
		List<AlertMatched> received = new CopyOnWriteArrayList<>();
		try (AlertSubscriber subscriber = new AlertSubscriber(bootstrap, "example-alerts-" + alertId)) {
			assertThat(subscriber.awaitAssignment(Duration.ofSeconds(30))).isTrue();
			try (KafkaProducer<String, byte[]> producer = transactionalProducer(bootstrap)) {
				producer.initTransactions();
				producer.beginTransaction();
				producer.send(record(alertId, this.json.writeValueAsBytes(committed)));
				producer.send(record(alertId, newer.toString().getBytes(StandardCharsets.UTF_8)));
				producer.commitTransaction();
				producer.beginTransaction();
				producer.send(record(alertId, this.json.writeValueAsBytes(aborted)));
				producer.flush();
				producer.abortTransaction();
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				subscriber.pollOnce(received::add);
				return received.size() >= 2;
			});
			subscriber.pollOnce(received::add);
		}

		assertThat(received).extracting(AlertMatched::articleId).containsExactlyInAnyOrder("reef-1", "reef-3");
		assertThat(received).filteredOn((match) -> match.articleId().equals("reef-1"))
			.singleElement()
			.isEqualTo(committed);
	}

	/** search-service creates the topic; here nobody else does. */
	private static void createTopic(String bootstrap) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(List.of(new NewTopic(Topics.ALERTS, 1, (short) 1))).all().get();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
	}

	private static ProducerRecord<String, byte[]> record(String key, byte[] value) {
		return new ProducerRecord<>(Topics.ALERTS, key, value);
	}

	private static KafkaProducer<String, byte[]> transactionalProducer(String bootstrap) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "subscriber-example-alerts-test");
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return new KafkaProducer<>(properties);
	}

	private static AlertMatched match(String alertId, String articleId, String title) {
		return new AlertMatched(AlertMatched.SCHEMA_VERSION, alertId, "Reefs", articleId, title,
				"https://reefs.example/" + articleId, "reefs", Instant.parse("2024-11-01T10:00:00Z"),
				Instant.parse("2024-11-01T10:00:05Z"));
	}

}
