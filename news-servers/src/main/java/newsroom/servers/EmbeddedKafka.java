package newsroom.servers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft broker and controller in one process) running inside
 * this JVM on a log folder that survives restarts: the folder is formatted on first start
 * and reused afterwards, so topics and records are still there after {@link #close()} and
 * a new {@link #start(Path, int)} on the same folder.
 */
public final class EmbeddedKafka implements KafkaServer, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedKafka.class);

	private static final String HOST = Ports.HOST;

	private static final int NODE_ID = 1;

	private static final int BIND_ATTEMPTS = 3;

	private final KafkaRaftServer server;

	private final Path logDir;

	private final int port;

	private final Thread shutdownHook = new Thread(this::close, "embedded-kafka-shutdown");

	private boolean closed;

	private EmbeddedKafka(KafkaRaftServer server, Path logDir, int port) {
		this.server = server;
		this.logDir = logDir;
		this.port = port;
		// A clean shutdown spares the next start on the same folder a log recovery.
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Starts a broker on a log folder, formatting the folder when it is new.
	 * @param logDir the folder holding the metadata log and all partitions
	 * @param port the client port on 127.0.0.1, or 0 for a free one
	 * @return the running broker
	 */
	public static EmbeddedKafka start(Path logDir, int port) {
		return start(logDir, port, Map.of());
	}

	/**
	 * Starts a broker on a log folder, formatting the folder when it is new.
	 * @param logDir the folder holding the metadata log and all partitions
	 * @param port the client port on 127.0.0.1, or 0 for a free one
	 * @param brokerProperties broker settings that replace the single-node defaults, for
	 * example {@code auto.create.topics.enable=false}
	 * @return the running broker
	 */
	public static EmbeddedKafka start(Path logDir, int port, Map<String, String> brokerProperties) {
		Path dir = logDir.toAbsolutePath();
		if (port != 0 && !Ports.isFree(port)) {
			throw new IllegalStateException("Port " + port + " is in use: Kafka cannot start there");
		}
		createDirectories(dir);
		long started = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			int brokerPort = (port != 0) ? port : Ports.free();
			Map<String, Object> properties = properties(dir, brokerPort, Ports.free(), brokerProperties);
			KafkaConfig config = new KafkaConfig(properties, false);
			format(dir, config);
			KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
			try {
				server.startup();
			}
			catch (RuntimeException ex) {
				shutDown(server);
				// A free port picked here can be taken by someone else before Kafka binds
				// it.
				if (port == 0 && attempt < BIND_ATTEMPTS) {
					logger.warn("Kafka could not start on port {} (attempt {}), retrying", brokerPort, attempt, ex);
					continue;
				}
				throw new IllegalStateException("Kafka did not start on port " + brokerPort + " in " + dir, ex);
			}
			logger.info("Kafka started on {}:{} with log folder {} in {} ms", HOST, brokerPort, dir,
					(System.nanoTime() - started) / 1_000_000);
			return new EmbeddedKafka(server, dir, brokerPort);
		}
	}

	@Override
	public String bootstrapServers() {
		return HOST + ":" + this.port;
	}

	/**
	 * The client port the broker listens on.
	 * @return the port on 127.0.0.1
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The folder holding the broker's metadata log and partitions.
	 * @return the absolute log folder
	 */
	public Path logDir() {
		return this.logDir;
	}

	/**
	 * Leaves stopping to the caller's {@link #close()}: by default the broker also stops
	 * on its own at JVM exit, concurrently with every other shutdown hook, which is too
	 * early for an owner that must stop its clients first (the local stack stops the
	 * services, then the servers).
	 * @return this broker
	 */
	public EmbeddedKafka stopOnlyWhenClosed() {
		Processes.removeShutdownHook(this.shutdownHook);
		return this;
	}

	/**
	 * Shuts the broker down cleanly, keeping its log folder for a later start.
	 */
	@Override
	public synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			shutDown(this.server);
			Processes.removeShutdownHook(this.shutdownHook);
			logger.info("Kafka on port {} stopped", this.port);
		}
	}

	private static Map<String, Object> properties(Path logDir, int brokerPort, int controllerPort,
			Map<String, String> overrides) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", String.valueOf(NODE_ID));
		// A static voter set: the controller port may change from one start to the next.
		properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
		properties.put("listeners",
				"PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("log.dirs", logDir.toString());
		// One node: every internal topic has one replica, and group joins need not wait.
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("offsets.topic.num.partitions", "5");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("transaction.state.log.num.partitions", "5");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("min.insync.replicas", "1");
		properties.put("default.replication.factor", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		properties.putAll(overrides);
		return properties;
	}

	private static void format(Path logDir, KafkaConfig config) {
		if (Files.exists(logDir.resolve("meta.properties"))) {
			return;
		}
		try {
			new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
				.setNodeId(NODE_ID)
				.setClusterId(Uuid.randomUuid().toString())
				.setControllerListenerName("CONTROLLER")
				.setMetadataLogDirectory(config.metadataLogDir())
				.addDirectory(logDir.toString())
				.setIgnoreFormatted(true)
				.run();
			logger.info("Formatted Kafka log folder {}", logDir);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not format Kafka log folder " + logDir, ex);
		}
	}

	private static void shutDown(KafkaRaftServer server) {
		try {
			server.shutdown();
			server.awaitShutdown();
		}
		catch (RuntimeException ex) {
			logger.warn("Kafka did not shut down cleanly", ex);
		}
	}

	private static void createDirectories(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create " + dir, ex);
		}
	}

}
