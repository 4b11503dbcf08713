package newsroom.testkit.fuzz;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link PublishingService} against a small HTTP server on the real broker that publishes
 * as told and answers as told: what an answer names passes, and a rejection that
 * published, a record other than the answer's, a topic moved by an endpoint that
 * publishes nothing and a write after the last answer each fail.
 */
class PublishingServiceIntegrationTests {

	private static final String TOPIC = "newsroom.testkit.publishing-" + UUID.randomUUID();

	private static final String ENDPOINT = "POST /save";

	/**
	 * A 201 publishes the alert it answered; a 204 the tombstone of the id in its path.
	 */
	private static final Function<FuzzAnswer, List<Publication>> RULE = (answer) -> switch (answer.status()) {
		case 201 -> List
			.of(Publication.of(TOPIC, answer.json().orElseThrow().path("id").asString(), answer.json().orElseThrow()));
		case 204 -> List.of(Publication.tombstone(TOPIC, "deleted"));
		default -> List.of();
	};

	private static HttpServer server;

	private static KafkaProducer<String, String> producer;

	@BeforeAll
	static void start() throws Exception {
		String kafka = NewsroomServers.kafka().bootstrapServers();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
			admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka), new StringSerializer(),
				new StringSerializer());
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", PublishingServiceIntegrationTests::answer);
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop(0);
		producer.close();
	}

	@Test
	void passesExactlyTheRecordsTheAnswersName() {
		try (PublishingService service = service()) {
			service.check(ENDPOINT, FuzzRequest.of("POST", "/save/201/a1/a1"), RULE);
			service.check(ENDPOINT, FuzzRequest.of("POST", "/save/400/-/-"), RULE);
			service.check(ENDPOINT, FuzzRequest.of("POST", "/delete/deleted"), RULE);
			service.check("GET /quiet", FuzzRequest.of("GET", "/save/200/-/q1"));

			service.verify("passes", List.of(ENDPOINT), 3);
		}
	}

	@Test
	void failsARejectionThatPublished() {
		try (PublishingService service = service()) {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> service.check(ENDPOINT, FuzzRequest.of("POST", "/save/400/b1/-"), RULE))
				.withMessageContaining("Published [Publication[topic=" + TOPIC + ", key=b1")
				.withMessageContaining("the answer said []");
		}
	}

	@Test
	void failsARecordOtherThanTheAnswerNames() {
		try (PublishingService service = service()) {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> service.check(ENDPOINT, FuzzRequest.of("POST", "/save/201/c1/c2"), RULE))
				.withMessageContaining("key=c1")
				.withMessageContaining("the answer said [Publication[topic=" + TOPIC + ", key=c2");
		}
	}

	@Test
	void failsAnEndpointThatPublishesNothingWhenATopicMoves() {
		try (PublishingService service = service()) {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> service.check("GET /quiet", FuzzRequest.of("GET", "/save/200/d1/d1")))
				.withMessageContaining("key=d1");
		}
	}

	@Test
	void failsAWriteAfterTheLastAnswer() throws Exception {
		try (PublishingService service = service()) {
			service.check(ENDPOINT, FuzzRequest.of("POST", "/save/201/e1/e1"), RULE);
			publish("late", "{}");

			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> service.verify("late", List.of(ENDPOINT), 1))
				.withMessageContaining("{" + TOPIC + "=2}; the answers said {" + TOPIC + "=1}");
		}
	}

	private static PublishingService service() {
		return new PublishingService(server.getAddress().getPort(), NewsroomServers.kafka().bootstrapServers());
	}

	/**
	 * {@code /save/{status}/{published}/{answered}}: publishes {@code {"id": published}}
	 * unless it is {@code -}, answers the status with {@code {"id": answered}} or a
	 * problem. {@code /delete/{id}}: publishes its tombstone, answers 204.
	 */
	private static void answer(HttpExchange exchange) throws IOException {
		String[] parts = exchange.getRequestURI().getPath().split("/");
		try {
			if (parts[1].equals("delete")) {
				publish(parts[2], null);
				exchange.sendResponseHeaders(204, -1);
				return;
			}
			int status = Integer.parseInt(parts[2]);
			if (!parts[3].equals("-")) {
				publish(parts[3], "{\"id\":\"" + parts[3] + "\"}");
			}
			boolean rejected = status >= 400;
			byte[] body = (rejected ? "{\"title\":\"Refused\",\"status\":" + status + "}"
					: "{\"id\":\"" + parts[4] + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", rejected ? FuzzAnswer.PROBLEM_JSON : "application/json");
			exchange.sendResponseHeaders(status, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		finally {
			exchange.close();
		}
	}

	private static void publish(String key, String value) throws IOException {
		try {
			producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IOException(ex);
		}
	}

}
