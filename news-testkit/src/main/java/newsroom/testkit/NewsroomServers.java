package newsroom.testkit;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import newsroom.servers.ElasticsearchServer;
import newsroom.servers.EmbeddedElasticsearch;
import newsroom.servers.EmbeddedKafka;
import newsroom.servers.EmbeddedKafkaCluster;
import newsroom.servers.KafkaServer;
import newsroom.servers.Processes;
import newsroom.servers.ScratchFolders;
import newsroom.servers.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one Kafka broker and one Elasticsearch node of a test JVM, each started on first
 * use and stopped when the JVM exits. {@code NEWSROOM_TESTKIT_MODE} (system property or
 * environment) chooses {@code embedded}, {@code containers}, {@code external}, or
 * {@code auto} (default): per server, external when {@code KAFKA_BOOTSTRAP_SERVERS} /
 * {@code ELASTICSEARCH_URIS} is set, containers when Docker answers, embedded otherwise.
 */
public final class NewsroomServers {

	/** Names external brokers; also what the services read. */
	public static final String KAFKA_ADDRESS_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";

	/** Names external Elasticsearch nodes; also what search-service reads. */
	public static final String ELASTICSEARCH_ADDRESS_VARIABLE = "ELASTICSEARCH_URIS";

	private static final Logger logger = LoggerFactory.getLogger(NewsroomServers.class);

	private static final Shared<KafkaServer> kafka = new Shared<>("Kafka", NewsroomServers::startKafka);

	private static final Shared<ElasticsearchServer> elasticsearch = new Shared<>("Elasticsearch",
			NewsroomServers::startElasticsearch);

	private static final Deque<Runnable> shutdownTasks = new ArrayDeque<>();

	private static boolean shutdownHookAdded;

	private NewsroomServers() {
	}

	/**
	 * Starts (once) and returns the shared broker.
	 * @return the broker of this JVM
	 */
	public static KafkaServer kafka() {
		return kafka.get();
	}

	/**
	 * Starts (once) and returns the shared node.
	 * @return the node of this JVM
	 */
	public static ElasticsearchServer elasticsearch() {
		return elasticsearch.get();
	}

	/**
	 * Points {@code spring.kafka.bootstrap-servers} at the shared broker, starting it
	 * when the application context is built.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 */
	public static void registerKafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
	}

	/**
	 * Points {@code newsroom.elasticsearch.uris} at the shared node, starting it when the
	 * application context is built.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 */
	public static void registerElasticsearch(DynamicPropertyRegistry registry) {
		registry.add("newsroom.elasticsearch.uris", () -> elasticsearch().uri());
	}

	/**
	 * Starts a new Kafka cluster of several nodes in this JVM, in a scratch folder
	 * removed when the JVM exits. Always embedded, whatever the mode: tests stop its
	 * nodes.
	 * @param nodes how many nodes (brokers and controllers)
	 * @param brokerProperties settings for every node that replace the defaults
	 * @return the running cluster
	 */
	public static EmbeddedKafkaCluster startKafkaCluster(int nodes, Map<String, String> brokerProperties) {
		Path baseDir = ScratchFolders.create("kafka-cluster");
		EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(baseDir, nodes, brokerProperties);
		onShutdown(() -> {
			cluster.close();
			Processes.deleteRecursively(baseDir);
		});
		return cluster;
	}

	private static KafkaServer startKafka() {
		TestkitMode mode = TestkitMode.resolve(KAFKA_ADDRESS_VARIABLE);
		logger.info("Kafka for this JVM: {}", mode);
		return switch (mode) {
			case EXTERNAL -> {
				String servers = Settings.get(KAFKA_ADDRESS_VARIABLE).orElseThrow();
				yield () -> servers;
			}
			case CONTAINERS -> ContainerServers.startKafka();
			case EMBEDDED -> {
				Path logDir = ScratchFolders.create("kafka");
				EmbeddedKafka broker = EmbeddedKafka.start(logDir, 0);
				onShutdown(() -> {
					broker.close();
					Processes.deleteRecursively(logDir);
				});
				yield broker;
			}
		};
	}

	private static ElasticsearchServer startElasticsearch() {
		TestkitMode mode = TestkitMode.resolve(ELASTICSEARCH_ADDRESS_VARIABLE);
		logger.info("Elasticsearch for this JVM: {}", mode);
		return switch (mode) {
			case EXTERNAL -> new FixedElasticsearch(Settings.get(ELASTICSEARCH_ADDRESS_VARIABLE).orElseThrow(),
					"an external server");
			case CONTAINERS -> ContainerServers.startElasticsearch();
			case EMBEDDED -> {
				Path workDir = ScratchFolders.create("elasticsearch");
				onShutdown(() -> Processes.deleteRecursively(workDir));
				EmbeddedElasticsearch node = EmbeddedElasticsearch.start(workDir, 0);
				// Closing waits for the node's own shutdown hook, so the folder is free
				// to go.
				onShutdown(node::close);
				yield node;
			}
		};
	}

	static void onShutdown(Runnable task) {
		synchronized (shutdownTasks) {
			if (!shutdownHookAdded) {
				shutdownHookAdded = true;
				Runtime.getRuntime()
					.addShutdownHook(new Thread(NewsroomServers::shutDown, "newsroom-servers-shutdown"));
			}
			shutdownTasks.push(task);
		}
	}

	private static void shutDown() {
		synchronized (shutdownTasks) {
			while (!shutdownTasks.isEmpty()) {
				try {
					shutdownTasks.pop().run();
				}
				catch (RuntimeException ex) {
					logger.warn("A test server did not stop cleanly", ex);
				}
			}
		}
	}

}
