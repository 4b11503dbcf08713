package newsroom.servers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
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

	private final KafkaSecurity security;

	private boolean closed;

	private EmbeddedKafka(KafkaRaftServer server, Path logDir, int port, KafkaSecurity security) {
		this.server = server;
		this.logDir = logDir;
		this.port = port;
		this.security = security;
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
		return start(logDir, port, brokerProperties, null);
	}

	/**
	 * Starts a broker whose client listener takes SASL_SSL only: TLS with the given
	 * certificate and SCRAM-SHA-512 for the given user, whose credentials are created
	 * when the folder is formatted (a folder formatted earlier keeps the ones it has).
	 * @param logDir the folder holding the metadata log and all partitions
	 * @param port the client port on 127.0.0.1, or 0 for a free one
	 * @param brokerProperties broker settings that replace the defaults
	 * @param security the certificate and the SCRAM user, or {@code null} for PLAINTEXT
	 * @return the running broker; its {@link #clientProperties()} say how to connect
	 */
	public static EmbeddedKafka start(Path logDir, int port, Map<String, String> brokerProperties,
			KafkaSecurity security) {
		Path dir = logDir.toAbsolutePath();
		if (port != 0 && !Ports.isFree(port)) {
			throw new IllegalStateException("Port " + port + " is in use: Kafka cannot start there");
		}
		KafkaNodes.createDirectories(dir);
		long started = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			KafkaNodes.Node node = new KafkaNodes.Node(NODE_ID, dir, (port != 0) ? port : Ports.free(), Ports.free());
			KafkaConfig config = new KafkaConfig(KafkaNodes.properties(node, List.of(node), security, brokerProperties),
					false);
			KafkaNodes.format(node, config, Uuid.randomUuid().toString(), security);
			KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
			try {
				server.startup();
			}
			catch (RuntimeException ex) {
				KafkaNodes.shutDown(server);
				// A free port picked here can be taken by someone else before Kafka binds
				// it.
				if (port == 0 && attempt < BIND_ATTEMPTS) {
					logger.warn("Kafka could not start on port {} (attempt {}), retrying", node.brokerPort(), attempt,
							ex);
					continue;
				}
				throw new IllegalStateException("Kafka did not start on port " + node.brokerPort() + " in " + dir, ex);
			}
			logger.info("Kafka started on {}:{} ({}) with log folder {} in {} ms", HOST, node.brokerPort(),
					(security != null) ? security : "PLAINTEXT", dir, (System.nanoTime() - started) / 1_000_000);
			return new EmbeddedKafka(server, dir, node.brokerPort(), security);
		}
	}

	@Override
	public String bootstrapServers() {
		return HOST + ":" + this.port;
	}

	/**
	 * What clients add to {@code bootstrap.servers}: nothing for a PLAINTEXT broker, the
	 * SASL_SSL settings of its user for a secured one.
	 * @return client settings by their Kafka names
	 */
	@Override
	public Map<String, Object> clientProperties() {
		return (this.security != null) ? this.security.clientProperties() : Map.of();
	}

	/**
	 * The broker's security, when it was started with some.
	 * @return the SCRAM user and certificate, empty for a PLAINTEXT broker
	 */
	public Optional<KafkaSecurity> security() {
		return Optional.ofNullable(this.security);
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
			KafkaNodes.shutDown(this.server);
			Processes.removeShutdownHook(this.shutdownHook);
			logger.info("Kafka on port {} stopped", this.port);
		}
	}

}
