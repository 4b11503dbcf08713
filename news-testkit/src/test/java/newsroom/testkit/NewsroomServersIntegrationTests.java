package newsroom.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import newsroom.servers.ServerChecks;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared servers of this JVM, in whatever mode the environment selects (embedded on a
 * machine without Docker and without external addresses).
 */
class NewsroomServersIntegrationTests {

	@Test
	void producesAndConsumesOnSharedBroker() {
		String bootstrapServers = NewsroomServers.kafka().bootstrapServers();

		ServerChecks.send(bootstrapServers, "plain-records", List.of("first", "second"));

		assertThat(ServerChecks.readValues(bootstrapServers, "plain-records", 2)).containsExactly("first", "second");
	}

	@Test
	void hidesAbortedTransactionsFromReadCommittedConsumers() {
		String bootstrapServers = NewsroomServers.kafka().bootstrapServers();
		try (KafkaProducer<String, String> producer = ServerChecks.producer(bootstrapServers,
				Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "testkit-" + UUID.randomUUID()))) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>("transactional-records", "a", "committed"));
			producer.commitTransaction();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>("transactional-records", "b", "aborted"));
			producer.flush();
			producer.abortTransaction();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>("transactional-records", "c", "also committed"));
			producer.commitTransaction();
		}

		assertThat(ServerChecks.readValues(bootstrapServers, "transactional-records", 2)).containsExactly("committed",
				"also committed");
	}

	@Test
	void startsEachServerOnlyOnce() {
		assertThat(NewsroomServers.kafka()).isSameAs(NewsroomServers.kafka());
		assertThat(NewsroomServers.elasticsearch()).isSameAs(NewsroomServers.elasticsearch());
	}

	@Test
	void indexesAndSearchesOnSharedNode() {
		String uri = NewsroomServers.elasticsearch().uri();
		ServerChecks.clusterHealth(uri);

		ServerChecks.index(uri, "shared", "x-1", "{\"title\":\"Shared node\"}");

		assertThat(ServerChecks.search(uri, "shared", "{\"query\":{\"match\":{\"title\":\"shared\"}}}"))
			.contains("\"_id\":\"x-1\"");
	}

	@Test
	void registersSpringPropertiesForServers() {
		Map<String, Supplier<Object>> properties = new HashMap<>();

		NewsroomServers.registerKafka(properties::put);
		NewsroomServers.registerElasticsearch(properties::put);

		assertThat(properties.get("spring.kafka.bootstrap-servers").get())
			.isEqualTo(NewsroomServers.kafka().bootstrapServers());
		assertThat(properties.get("newsroom.elasticsearch.uris").get())
			.isEqualTo(NewsroomServers.elasticsearch().uri());
	}

}
