package newsroom.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import newsroom.servers.ElasticsearchServer;
import newsroom.servers.EmbeddedElasticsearch;
import newsroom.servers.KafkaServer;
import newsroom.servers.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka and Elasticsearch in Docker containers through Testcontainers, for machines with
 * a Docker engine.
 */
final class ContainerServers {

	/** The broker image, the same Kafka version as the embedded broker. */
	static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka-native:4.1.2");

	/** The full distribution of the same Elasticsearch version as the embedded node. */
	static final DockerImageName ELASTICSEARCH_IMAGE = DockerImageName
		.parse("docker.elastic.co/elasticsearch/elasticsearch")
		.withTag(EmbeddedElasticsearch.version());

	private static final Logger logger = LoggerFactory.getLogger(ContainerServers.class);

	private static Boolean dockerAvailable;

	private ContainerServers() {
	}

	/**
	 * Asks Testcontainers only when some sign of a Docker engine exists: its full probe
	 * is slow and logs an error on machines without one.
	 */
	static synchronized boolean dockerAvailable() {
		if (dockerAvailable == null) {
			dockerAvailable = dockerHinted() && probeDocker();
			logger.debug("Docker available: {}", dockerAvailable);
		}
		return dockerAvailable;
	}

	private static boolean dockerHinted() {
		if (Settings.get("DOCKER_HOST").isPresent()) {
			return true;
		}
		String home = System.getProperty("user.home");
		List<Path> hints = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"), Path.of("/run/docker.sock"),
				Path.of(home, ".docker", "run", "docker.sock"), Path.of(home, ".docker", "desktop", "docker.sock"),
				Path.of(home, ".testcontainers.properties")));
		Optional.ofNullable(System.getenv("XDG_RUNTIME_DIR")).ifPresent((runtime) -> {
			hints.add(Path.of(runtime, "docker.sock"));
			hints.add(Path.of(runtime, "podman", "podman.sock"));
		});
		return hints.stream().anyMatch(Files::exists);
	}

	private static boolean probeDocker() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	static KafkaContainer kafkaContainer() {
		return new KafkaContainer(KAFKA_IMAGE);
	}

	static ElasticsearchContainer elasticsearchContainer() {
		return new ElasticsearchContainer(ELASTICSEARCH_IMAGE).withEnv("xpack.security.enabled", "false")
			.withEnv("discovery.type", "single-node")
			.withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
			.withEnv("cluster.routing.allocation.disk.threshold_enabled", "false");
	}

	static KafkaServer startKafka() {
		KafkaContainer container = kafkaContainer();
		container.start();
		NewsroomServers.onShutdown(container::stop);
		logger.info("Kafka container {} started at {}", KAFKA_IMAGE, container.getBootstrapServers());
		return container::getBootstrapServers;
	}

	static ElasticsearchServer startElasticsearch() {
		ElasticsearchContainer container = elasticsearchContainer();
		container.start();
		NewsroomServers.onShutdown(container::stop);
		String uri = "http://" + container.getHttpHostAddress();
		logger.info("Elasticsearch container {} started at {}", ELASTICSEARCH_IMAGE, uri);
		return new FixedElasticsearch(uri, "a container");
	}

}
