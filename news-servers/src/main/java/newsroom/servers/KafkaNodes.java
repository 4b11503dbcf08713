package newsroom.servers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a single broker and a cluster have in common: the settings of one KRaft node
 * (broker and controller in one server), formatting its log folder, and shutting it down.
 */
final class KafkaNodes {

	static final String CONTROLLER = "CONTROLLER";

	private static final Logger logger = LoggerFactory.getLogger(KafkaNodes.class);

	private KafkaNodes() {
	}

	/**
	 * The settings of one node of a quorum in which every node is broker and controller.
	 * @param node the node
	 * @param quorum all nodes, this one included
	 * @param security SASL_SSL for the client listener, or {@code null} for PLAINTEXT
	 * @param overrides settings that replace these defaults
	 */
	static Map<String, Object> properties(Node node, List<Node> quorum, KafkaSecurity security,
			Map<String, String> overrides) {
		String client = (security != null) ? KafkaSecurity.PROTOCOL : "PLAINTEXT";
		Map<String, Object> properties = new HashMap<>();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", String.valueOf(node.id()));
		// A static voter set: controller ports may change from one start to the next.
		properties.put("controller.quorum.voters",
				quorum.stream()
					.map((voter) -> voter.id() + "@" + Ports.HOST + ":" + voter.controllerPort())
					.collect(Collectors.joining(",")));
		properties.put("listeners", client + "://" + Ports.HOST + ":" + node.brokerPort() + "," + CONTROLLER + "://"
				+ Ports.HOST + ":" + node.controllerPort());
		properties.put("advertised.listeners", client + "://" + Ports.HOST + ":" + node.brokerPort());
		// Controllers talk among themselves and to brokers on loopback only.
		properties.put("listener.security.protocol.map", client + ":" + client + "," + CONTROLLER + ":PLAINTEXT");
		properties.put("controller.listener.names", CONTROLLER);
		properties.put("inter.broker.listener.name", client);
		properties.put("log.dirs", node.logDir().toString());
		// Internal topics get as many replicas as the cluster has, up to three, and a
		// write needs all but one of them: one node may fail without losing anything.
		String replicas = String.valueOf(Math.min(3, quorum.size()));
		String minInSync = String.valueOf(Math.max(1, Math.min(3, quorum.size()) - 1));
		properties.put("offsets.topic.replication.factor", replicas);
		properties.put("offsets.topic.num.partitions", "5");
		properties.put("transaction.state.log.replication.factor", replicas);
		properties.put("transaction.state.log.min.isr", minInSync);
		properties.put("transaction.state.log.num.partitions", "5");
		properties.put("share.coordinator.state.topic.replication.factor", replicas);
		properties.put("share.coordinator.state.topic.min.isr", minInSync);
		properties.put("min.insync.replicas", minInSync);
		properties.put("default.replication.factor", replicas);
		properties.put("group.initial.rebalance.delay.ms", "0");
		if (security != null) {
			properties.putAll(security.brokerProperties());
		}
		properties.putAll(overrides);
		return properties;
	}

	/**
	 * Formats a node's log folder unless it holds a node already; a secured node gets its
	 * SCRAM credentials here, in the first metadata.
	 */
	static void format(Node node, KafkaConfig config, String clusterId, KafkaSecurity security) {
		if (Files.exists(node.logDir().resolve("meta.properties"))) {
			return;
		}
		try {
			Formatter formatter = new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
				.setNodeId(node.id())
				.setClusterId(clusterId)
				.setControllerListenerName(CONTROLLER)
				.setMetadataLogDirectory(config.metadataLogDir())
				.addDirectory(node.logDir().toString())
				.setIgnoreFormatted(true);
			if (security != null) {
				formatter.setScramArguments(List.of(security.scramArgument()));
			}
			formatter.run();
			logger.info("Formatted Kafka log folder {}", node.logDir());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not format Kafka log folder " + node.logDir(), ex);
		}
	}

	static void shutDown(KafkaRaftServer server) {
		try {
			server.shutdown();
			server.awaitShutdown();
		}
		catch (RuntimeException ex) {
			logger.warn("Kafka did not shut down cleanly", ex);
		}
	}

	static void createDirectories(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create " + dir, ex);
		}
	}

	/**
	 * One KRaft node: its id, log folder and ports on 127.0.0.1.
	 *
	 * @param id the node id, also its voter id
	 * @param logDir the folder with its metadata log and partitions
	 * @param brokerPort the client (and inter-broker) port
	 * @param controllerPort the controller port
	 */
	record Node(int id, Path logDir, int brokerPort, int controllerPort) {
	}

}
