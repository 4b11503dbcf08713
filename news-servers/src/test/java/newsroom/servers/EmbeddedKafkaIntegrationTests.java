package newsroom.servers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EmbeddedKafka} on a log folder of its own, restarted in place.
 */
class EmbeddedKafkaIntegrationTests {

	@TempDir
	Path logDir;

	@Test
	void keepsRecordsAcrossRestartOnSameLogDir() {
		try (EmbeddedKafka broker = EmbeddedKafka.start(this.logDir, 0)) {
			ServerChecks.send(broker.bootstrapServers(), "restart-survivors", List.of("one", "two", "three"));
		}
		try (EmbeddedKafka broker = EmbeddedKafka.start(this.logDir, 0)) {
			assertThat(ServerChecks.readValues(broker.bootstrapServers(), "restart-survivors", 3))
				.containsExactly("one", "two", "three");
		}
	}

	@Test
	void appliesExtraBrokerProperties() throws Exception {
		try (EmbeddedKafka broker = EmbeddedKafka.start(this.logDir, 0, Map.of("num.partitions", "3"));
				Admin admin = Admin
					.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			ServerChecks.send(broker.bootstrapServers(), "auto-created", List.of("x"));

			TopicDescription topic = admin.describeTopics(List.of("auto-created"))
				.allTopicNames()
				.get()
				.get("auto-created");

			assertThat(topic.partitions()).hasSize(3);
		}
	}

	@Test
	void formatsNewLogDirOnFirstStart() {
		try (EmbeddedKafka broker = EmbeddedKafka.start(this.logDir.resolve("fresh"), 0)) {
			assertThat(broker.logDir().resolve("meta.properties")).exists();
			assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
		}
		assertThat(Files.exists(this.logDir.resolve("fresh/meta.properties"))).isTrue();
	}

}
