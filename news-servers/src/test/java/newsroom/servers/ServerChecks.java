package newsroom.servers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plain clients for the tests: a Kafka producer and consumer, and HTTP calls to
 * Elasticsearch, so the testkit is checked with nothing between the test and the servers.
 */
public final class ServerChecks {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ServerChecks() {
	}

	public static KafkaProducer<String, String> producer(String bootstrapServers, Map<String, Object> extra) {
		Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
		config.putAll(extra);
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	public static void send(String bootstrapServers, String topic, List<String> values) {
		send(bootstrapServers, Map.of(), topic, values);
	}

	/**
	 * Sends values as keys and values with extra client settings, such as a secured
	 * broker's.
	 */
	public static void send(String bootstrapServers, Map<String, Object> client, String topic, List<String> values) {
		try (KafkaProducer<String, String> producer = producer(bootstrapServers, client)) {
			for (String value : values) {
				producer.send(new ProducerRecord<>(topic, value, value));
			}
			producer.flush();
		}
	}

	/**
	 * Reads a topic from the start with read_committed until the expected number of
	 * records arrived.
	 */
	public static List<String> readValues(String bootstrapServers, String topic, int expected) {
		return readValues(bootstrapServers, Map.of(), topic, expected);
	}

	/**
	 * Reads a topic from the start with read_committed and extra client settings until
	 * the expected number of records arrived.
	 */
	public static List<String> readValues(String bootstrapServers, Map<String, Object> client, String topic,
			int expected) {
		Map<String, Object> config = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
		config.putAll(client);
		List<String> values = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					values.add(record.value());
				}
				return values.size() >= expected;
			});
			// One more poll: records beyond the expected ones must not hide behind the
			// await.
			consumer.poll(Duration.ofMillis(500)).forEach((record) -> values.add(record.value()));
		}
		return values;
	}

	public static HttpResponse<String> call(String method, String uri, String json) {
		return call(http, null, method, uri, json);
	}

	/**
	 * Calls a node with a client of one's own (one that trusts a certificate) and an
	 * {@code Authorization} header, when not {@code null}.
	 */
	public static HttpResponse<String> call(HttpClient http, String authorization, String method, String uri,
			String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + uri + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static void index(String uri, String index, String id, String json) {
		HttpResponse<String> response = call("PUT", uri + "/" + index + "/_doc/" + id + "?refresh=true", json);
		assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
	}

	public static String search(String uri, String index, String query) {
		HttpResponse<String> response = call("POST", uri + "/" + index + "/_search", query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	public static String clusterHealth(String uri) {
		HttpResponse<String> response = call("GET", uri + "/_cluster/health?wait_for_status=yellow&timeout=10s", null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

}
