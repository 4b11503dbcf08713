package newsroom.servers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka cluster of several KRaft nodes inside this JVM, each broker and controller
 * with its own node id, log folder and ports on 127.0.0.1; the controllers form one
 * quorum. Internal topics get three replicas and need two in sync, as do topics created
 * without settings of their own. A node can be stopped as if it crashed, to watch clients
 * ride over the loss of a broker.
 */
public final class EmbeddedKafkaCluster implements KafkaServer, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);

	private static final int BIND_ATTEMPTS = 3;

	private final Map<Integer, KafkaNodes.Node> nodes;

	private final Map<Integer, KafkaRaftServer> running;

	private final Thread shutdownHook = new Thread(this::close, "embedded-kafka-cluster-shutdown");

	private EmbeddedKafkaCluster(Map<Integer, KafkaNodes.Node> nodes, Map<Integer, KafkaRaftServer> running) {
		this.nodes = nodes;
		this.running = running;
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Starts a cluster on new log folders and waits until every node is a registered
	 * broker.
	 * @param baseDir the folder under which each node gets {@code node-<id>}
	 * @param size how many nodes, three or more for a quorum that survives a loss
	 * @param brokerProperties settings for every node that replace the defaults
	 * @return the running cluster
	 */
	public static EmbeddedKafkaCluster start(Path baseDir, int size, Map<String, String> brokerProperties) {
		if (size < 1) {
			throw new IllegalArgumentException("A cluster needs at least one node");
		}
		Map<String, String> settings = new HashMap<>();
		// A stopped node must look crashed to the others: no controlled shutdown handing
		// over its leaderships first, and a short session so the controller notices soon.
		settings.put("controlled.shutdown.enable", "false");
		settings.put("broker.session.timeout.ms", "3000");
		settings.put("broker.heartbeat.interval.ms", "500");
		settings.putAll(brokerProperties);
		long started = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			Map<Integer, KafkaNodes.Node> nodes = new LinkedHashMap<>();
			IntStream.rangeClosed(1, size)
				.forEach((id) -> nodes.put(id, new KafkaNodes.Node(id, baseDir.toAbsolutePath().resolve("node-" + id),
						Ports.free(), Ports.free())));
			try {
				Map<Integer, KafkaRaftServer> servers = startAll(nodes, settings);
				EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(nodes, servers);
				logger.info("Kafka cluster of {} nodes started on {} in {} ms", size, cluster.bootstrapServers(),
						(System.nanoTime() - started) / 1_000_000);
				return cluster;
			}
			catch (IllegalStateException ex) {
				// A free port picked here can be taken by someone else before Kafka binds
				// it; the folders are new, so a second try starts from scratch.
				if (attempt >= BIND_ATTEMPTS) {
					throw ex;
				}
				logger.warn("Kafka cluster did not start (attempt {}), retrying on other ports", attempt, ex);
				nodes.values().forEach((node) -> Processes.deleteRecursively(node.logDir()));
			}
		}
	}

	private static Map<Integer, KafkaRaftServer> startAll(Map<Integer, KafkaNodes.Node> nodes,
			Map<String, String> settings) {
		List<KafkaNodes.Node> quorum = List.copyOf(nodes.values());
		String clusterId = Uuid.randomUuid().toString();
		Map<Integer, KafkaRaftServer> servers = new LinkedHashMap<>();
		for (KafkaNodes.Node node : quorum) {
			KafkaNodes.createDirectories(node.logDir());
			KafkaConfig config = new KafkaConfig(KafkaNodes.properties(node, quorum, null, settings), false);
			KafkaNodes.format(node, config, clusterId, null);
			servers.put(node.id(), new KafkaRaftServer(config, Time.SYSTEM));
		}
		// Together: a node's broker waits for a controller leader, which needs a
		// majority of the quorum up.
		try {
			inParallel(servers.values(), KafkaRaftServer::startup).get(STARTUP_TIMEOUT.toMillis(),
					TimeUnit.MILLISECONDS);
			return servers;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			shutDownAll(servers.values());
			throw new IllegalStateException("Interrupted while starting the Kafka cluster", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			shutDownAll(servers.values());
			throw new IllegalStateException("Kafka cluster did not start on " + quorum, ex);
		}
	}

	/**
	 * Every node's client address, stopped ones included: clients configured before a
	 * crash keep working with the same list.
	 * @return for example {@code 127.0.0.1:39092,127.0.0.1:39094,127.0.0.1:39096}
	 */
	@Override
	public String bootstrapServers() {
		return this.nodes.values()
			.stream()
			.map((node) -> Ports.HOST + ":" + node.brokerPort())
			.collect(Collectors.joining(","));
	}

	/**
	 * The ids of the cluster's nodes.
	 * @return ids from 1 up
	 */
	public List<Integer> nodeIds() {
		return new ArrayList<>(this.nodes.keySet());
	}

	/**
	 * Whether a node is running.
	 * @param nodeId the node
	 * @return {@code false} once it was stopped
	 */
	public synchronized boolean isRunning(int nodeId) {
		return this.running.containsKey(nodeId);
	}

	/**
	 * Stops one node the way a crash looks to the rest of the cluster: without a
	 * controlled shutdown, so its partitions get new leaders only once the controller
	 * misses its heartbeats, and if it was the active controller the quorum elects
	 * another.
	 * @param nodeId the node to stop
	 */
	public void stop(int nodeId) {
		KafkaRaftServer server;
		synchronized (this) {
			server = this.running.remove(nodeId);
		}
		if (server != null) {
			long started = System.nanoTime();
			KafkaNodes.shutDown(server);
			logger.info("Kafka node {} stopped in {} ms", nodeId, (System.nanoTime() - started) / 1_000_000);
		}
	}

	/**
	 * Shuts every node down, keeping their log folders.
	 */
	@Override
	public void close() {
		List<KafkaRaftServer> servers;
		synchronized (this) {
			servers = new ArrayList<>(this.running.values());
			this.running.clear();
		}
		if (!servers.isEmpty()) {
			shutDownAll(servers);
			logger.info("Kafka cluster on {} stopped", bootstrapServers());
		}
		Processes.removeShutdownHook(this.shutdownHook);
	}

	private static void shutDownAll(Collection<KafkaRaftServer> servers) {
		inParallel(servers, KafkaNodes::shutDown).join();
	}

	/**
	 * Runs a task for every server at once, each on a thread of its own: the common pool
	 * may have a single thread on a small machine, and a starting node blocks until the
	 * others are up.
	 */
	private static CompletableFuture<Void> inParallel(Collection<KafkaRaftServer> servers,
			Consumer<KafkaRaftServer> task) {
		ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, servers.size()), (runnable) -> {
			Thread thread = new Thread(runnable, "embedded-kafka-cluster");
			thread.setDaemon(true);
			return thread;
		});
		CompletableFuture<?>[] all = servers.stream()
			.map((server) -> CompletableFuture.runAsync(() -> task.accept(server), threads))
			.toArray(CompletableFuture[]::new);
		threads.shutdown();
		return CompletableFuture.allOf(all);
	}

	@Override
	public String toString() {
		return "EmbeddedKafkaCluster[" + bootstrapServers() + "]";
	}

}
