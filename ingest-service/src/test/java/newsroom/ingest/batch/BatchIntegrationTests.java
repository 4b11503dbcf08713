package newsroom.ingest.batch;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import newsroom.events.Topics;
import newsroom.ingest.IngestClient;
import newsroom.ingest.IngestClient.Answer;
import newsroom.ingest.RawTopic;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch endpoint on the real server and broker: a streamed NDJSON body generated
 * while it is sent (chunked, no length) is published item by item; what reaches
 * {@link Topics#RAW} is counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		NewsroomServers.registerKafka(registry);
	}

	@LocalServerPort
	private int port;

	@Test
	void publishesEveryGoodLineOfAStreamedNdjsonBody() {
		String run = UUID.randomUUID().toString();
		GeneratedNdjson body = new GeneratedNdjson(run, 4L * 1024 * 1024, 100);
		try (RawTopic topic = RawTopic.open()) {
			Map<TopicPartition, Long> before = topic.endOffsets();

			Answer answer = new IngestClient(this.port).post("/api/v1/articles/batch", "application/x-ndjson",
					HttpRequest.BodyPublishers.ofInputStream(() -> body));

			assertThat(answer.status()).isEqualTo(200);
			JsonNode result = answer.json();
			int good = body.lines() - body.badLines();
			assertThat(body.badLines()).isPositive();
			assertThat(result.path("accepted").asInt()).isEqualTo(good);
			assertThat(result.path("duplicates").asInt()).isZero();
			assertThat(result.path("rejectedCount").asInt()).isEqualTo(body.badLines());
			assertThat(result.path("rejected").get(0).path("index").asInt()).isEqualTo(99);
			assertThat(result.path("ids").size()).isEqualTo(good);
			String lastId = result.path("ids").get(good - 1).asString();
			long published = topic.readUntilKey(before, lastId).size();
			assertThat(published).isEqualTo(good);
			ConsumerRecord<String, String> last = topic.awaitRecord(lastId);
			JsonNode value = JSON.readTree(last.value());
			assertThat(value.path("origin").asString()).isEqualTo("batch");
			assertThat(value.path("canonicalUrl").asString())
				.isEqualTo("https://bench.example/" + run + "/" + body.lines());
		}
	}

	@Test
	void answersDuplicatesWhenTheSameBatchIsSentAgain() {
		String run = UUID.randomUUID().toString();
		IngestClient client = new IngestClient(this.port);
		Answer first = client.post("/api/v1/articles/batch", "application/json", HttpRequest.BodyPublishers
			.ofString("[" + item(run, 1) + "," + item(run, 2) + ", {\"title\": \"no text\"}]"));
		assertThat(first.json().path("accepted").asInt()).isEqualTo(2);

		Answer again = client.post("/api/v1/articles/batch", "application/json",
				HttpRequest.BodyPublishers.ofString("[" + item(run, 1) + "," + item(run, 2) + "]"));

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("accepted").asInt()).isZero();
		assertThat(again.json().path("duplicates").asInt()).isEqualTo(2);
		assertThat(again.json().path("ids")).isEqualTo(first.json().path("ids"));
	}

	private static String item(String run, int number) {
		return "{\"url\": \"https://bench.example/" + run + "/again-" + number + "\", \"title\": \"Again " + number
				+ "\", \"text\": \"Sent twice.\"}";
	}

}
