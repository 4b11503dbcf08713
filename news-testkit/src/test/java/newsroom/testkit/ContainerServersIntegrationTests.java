package newsroom.testkit;

import java.util.List;

import newsroom.servers.ServerChecks;
import org.junit.jupiter.api.Test;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The containers the testkit uses where Docker exists; skipped on machines without it.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerServersIntegrationTests {

	@Container
	static final KafkaContainer kafka = ContainerServers.kafkaContainer();

	@Container
	static final ElasticsearchContainer elasticsearch = ContainerServers.elasticsearchContainer();

	@Test
	void producesAndConsumesOnKafkaContainer() {
		ServerChecks.send(kafka.getBootstrapServers(), "container-records", List.of("first", "second"));

		assertThat(ServerChecks.readValues(kafka.getBootstrapServers(), "container-records", 2))
			.containsExactly("first", "second");
	}

	@Test
	void indexesAndSearchesOnElasticsearchContainer() {
		String uri = "http://" + elasticsearch.getHttpHostAddress();
		ServerChecks.clusterHealth(uri);

		ServerChecks.index(uri, "articles", "c-1", "{\"title\":\"Container node\"}");

		assertThat(ServerChecks.search(uri, "articles", "{\"query\":{\"match\":{\"title\":\"container\"}}}"))
			.contains("\"_id\":\"c-1\"");
	}

}
