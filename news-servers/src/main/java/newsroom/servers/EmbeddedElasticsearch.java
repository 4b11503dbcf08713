package newsroom.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node from the integ-test distribution, run as a child process on
 * 127.0.0.1 with its data in a work folder that survives {@link #stop()} and restarts.
 * When this JVM runs as root the node runs as the unprivileged system user
 * {@value #USER}, because Elasticsearch refuses to run as root.
 */
public final class EmbeddedElasticsearch implements ElasticsearchServer, AutoCloseable {

	/** The system user the node runs as when this JVM is root. */
	public static final String USER = "newsroom-es";

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedElasticsearch.class);

	/** Green in 8–9 s when idle; 77 s was seen while other builds loaded the 2 cores. */
	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private static final String CONSOLE_LOG = "console.log";

	private final HttpClient http;

	private final Path home;

	private final Path workDir;

	private final int httpPort;

	private final Map<String, String> settings;

	private final ElasticsearchSecurity security;

	private final Thread shutdownHook = new Thread(this::stop, "embedded-elasticsearch-shutdown");

	private Process process;

	private EmbeddedElasticsearch(Path home, Path workDir, int httpPort, Map<String, String> settings,
			ElasticsearchSecurity security) {
		this.home = home;
		this.workDir = workDir;
		this.httpPort = httpPort;
		this.settings = settings;
		this.security = security;
		HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1));
		if (security != null) {
			http.sslContext(security.certificate().trustingContext());
		}
		this.http = http.build();
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Starts a node and waits until it answers cluster health.
	 * @param workDir the node's folder for data, logs, temporary files and its own copy
	 * of the configuration; reused as it is when it already holds a node
	 * @param httpPort the HTTP port on 127.0.0.1, or 0 for a free one that is then kept
	 * across {@link #stop()} and {@link #start()}
	 * @return the running node
	 */
	public static EmbeddedElasticsearch start(Path workDir, int httpPort) {
		return start(workDir, httpPort, Map.of());
	}

	/**
	 * Starts a node with extra settings and waits until it answers cluster health.
	 * @param workDir the node's folder for data, logs, temporary files and its own copy
	 * of the configuration; reused as it is when it already holds a node
	 * @param httpPort the HTTP port on 127.0.0.1, or 0 for a free one that is then kept
	 * across {@link #stop()} and {@link #start()}
	 * @param settings node settings passed as {@code -E name=value}, added to (or
	 * replacing) the single-node defaults
	 * @return the running node
	 */
	public static EmbeddedElasticsearch start(Path workDir, int httpPort, Map<String, String> settings) {
		return start(workDir, httpPort, settings, null);
	}

	/**
	 * Starts a node with {@code xpack.security} on: HTTPS with the given certificate and
	 * the given user in its file realm (written again on every start, so the password of
	 * the last start is the one that works).
	 * @param workDir the node's work folder, as for {@link #start(Path, int, Map)}
	 * @param httpPort the HTTPS port on 127.0.0.1, or 0 for a free one
	 * @param settings extra node settings
	 * @param security the certificate and the user, or {@code null} for an open node on
	 * plain HTTP
	 * @return the running node, answering on {@code https://}
	 */
	public static EmbeddedElasticsearch start(Path workDir, int httpPort, Map<String, String> settings,
			ElasticsearchSecurity security) {
		EmbeddedElasticsearch node = new EmbeddedElasticsearch(ElasticsearchDistribution.home(),
				workDir.toAbsolutePath(), (httpPort != 0) ? httpPort : Ports.free(), Map.copyOf(settings), security);
		try {
			node.start();
			return node;
		}
		catch (RuntimeException ex) {
			node.close();
			throw ex;
		}
	}

	/**
	 * A base folder for work folders that the node's user can reach:
	 * {@code /var/tmp/newsroom} when this JVM is root (never under the mode-700
	 * {@code /root}), {@code ~/.newsroom} otherwise. The distribution is unpacked there
	 * too, unless {@code NEWSROOM_ES_HOME} names another folder.
	 * @return the base folder (not necessarily existing yet)
	 */
	public static Path defaultBaseDir() {
		return ElasticsearchDistribution.cacheRoot();
	}

	/**
	 * The Elasticsearch version this build runs, the same as the client's server side.
	 * @return for example {@code 8.19.21}
	 */
	public static String version() {
		return ElasticsearchDistribution.version();
	}

	@Override
	public String uri() {
		return ((this.security != null) ? "https://" : "http://") + Ports.HOST + ":" + this.httpPort;
	}

	/**
	 * The node's security, when it was started with some.
	 * @return the user and certificate, empty for an open node
	 */
	public Optional<ElasticsearchSecurity> security() {
		return Optional.ofNullable(this.security);
	}

	/**
	 * The HTTP port, the same across restarts.
	 * @return the port on 127.0.0.1
	 */
	public int httpPort() {
		return this.httpPort;
	}

	/**
	 * The node's folder (data, logs, tmp, config and the console log).
	 * @return the absolute work folder
	 */
	public Path workDir() {
		return this.workDir;
	}

	/**
	 * Whether the node's process is alive.
	 * @return {@code true} between a successful start and the next stop
	 */
	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * The process id of the Elasticsearch server JVM (not of its command-line launcher).
	 * @return the id Elasticsearch wrote into its pid file
	 * @throws IllegalStateException if the node is not running
	 */
	public synchronized long pid() {
		if (!isRunning()) {
			throw new IllegalStateException("Elasticsearch is not running");
		}
		return NodeFolder.readPid(this.workDir)
			.orElseThrow(() -> new IllegalStateException("No pid file in " + this.workDir));
	}

	@Override
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		long started = System.nanoTime();
		stopStaleNode(this.workDir);
		if (!Ports.isFree(this.httpPort)) {
			throw new IllegalStateException("Port " + this.httpPort + " is in use: Elasticsearch cannot start there");
		}
		prepareWorkDir();
		ProcessBuilder builder = new ProcessBuilder(command()).directory(this.workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(this.workDir.resolve(CONSOLE_LOG).toFile()));
		environment(builder.environment());
		try {
			this.process = Processes.launch(builder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start Elasticsearch in " + this.workDir, ex);
		}
		awaitReady();
		logger.info("Elasticsearch started on {} in {} ms (work folder {})", uri(),
				(System.nanoTime() - started) / 1_000_000, this.workDir);
	}

	@Override
	public synchronized void stop() {
		if (this.process != null) {
			long started = System.nanoTime();
			Processes.terminate(this.process.toHandle(), STOP_GRACE);
			this.process = null;
			logger.info("Elasticsearch on port {} stopped in {} ms", this.httpPort,
					(System.nanoTime() - started) / 1_000_000);
		}
	}

	/**
	 * Leaves stopping to the caller's {@link #close()}: by default the node also stops on
	 * its own at JVM exit, concurrently with every other shutdown hook, which is too
	 * early for an owner that must stop its clients first (the local stack stops the
	 * services, then the servers).
	 * @return this node
	 */
	public EmbeddedElasticsearch stopOnlyWhenClosed() {
		Processes.removeShutdownHook(this.shutdownHook);
		return this;
	}

	/**
	 * Stops the node for good, keeping its work folder.
	 */
	@Override
	public void close() {
		stop();
		Processes.removeShutdownHook(this.shutdownHook);
	}

	private List<String> command() {
		List<String> command = new ArrayList<>();
		if (Processes.hasCommand("setsid")) {
			// Its own session: a Ctrl-C in the owner's terminal reaches the owner only,
			// which
			// then stops its clients before the node.
			command.add("setsid");
		}
		if (Processes.hasCommand("setpriv")) {
			command.add("setpriv");
			if (Processes.runningAsRoot()) {
				command.addAll(List.of("--reuid=" + USER, "--regid=" + USER, "--init-groups"));
			}
			// Ends the node when this JVM dies without running its shutdown hooks (kill
			// -9).
			command.addAll(List.of("--pdeathsig=TERM", "--"));
		}
		else if (Processes.runningAsRoot()) {
			throw new IllegalStateException(
					"Running as root needs setpriv (util-linux) to start Elasticsearch as " + USER);
		}
		command.add(this.home.resolve("bin/elasticsearch").toString());
		command.addAll(List.of("-p", this.workDir.resolve(NodeFolder.PID_FILE).toString()));
		Map<String, String> all = new LinkedHashMap<>();
		all.put("cluster.name", "newsroom");
		all.put("node.name", "newsroom-" + this.httpPort);
		all.put("discovery.type", "single-node");
		all.put("xpack.security.enabled", "false");
		all.put("http.host", Ports.HOST);
		all.put("transport.host", Ports.HOST);
		all.put("http.port", String.valueOf(this.httpPort));
		all.put("path.data", this.workDir.resolve("data").toString());
		all.put("path.logs", this.workDir.resolve("logs").toString());
		all.put("cluster.routing.allocation.disk.threshold_enabled", "false");
		if (this.security != null) {
			all.putAll(this.security.settings());
		}
		all.putAll(this.settings);
		all.forEach((name, value) -> command.add("-E" + name + "=" + value));
		return command;
	}

	private void environment(Map<String, String> environment) {
		// Agents and options meant for this JVM must not leak into Elasticsearch's JVMs.
		Stream.of("JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH", "ES_HOME")
			.forEach(environment::remove);
		environment.put("ES_JAVA_HOME", System.getProperty("java.home"));
		// The heap grows to 512 MB when the work needs it, instead of holding it from the
		// start: a node at rest then takes about 270 MB less.
		environment.put("ES_JAVA_OPTS", Settings.get("NEWSROOM_ES_JAVA_OPTS").orElse("-Xms256m -Xmx512m"));
		environment.put("ES_PATH_CONF", this.workDir.resolve("config").toString());
		environment.put("ES_TMPDIR", this.workDir.resolve("tmp").toString());
		environment.put("HOME", this.workDir.toString());
	}

	private void prepareWorkDir() {
		NodeFolder.prepare(this.workDir, this.home, USER, this.security);
	}

	/**
	 * Whether the node's user can walk down to a folder: always when this JVM is not root
	 * (the node runs as the same user), otherwise only when every existing folder above
	 * it is traversable by others (a folder under a mode-700 home like /root is not).
	 * @param path a folder for the node, existing or not
	 * @return the folder found on the way that others cannot traverse, empty when
	 * reachable
	 */
	public static Optional<Path> unreachableByNodeUser(Path path) {
		return NodeFolder.unreachableByOthers(path);
	}

	/**
	 * Stops a node left behind in a work folder by a JVM that died without its shutdown
	 * hook: it still holds the data folder lock and maybe the port.
	 * @param workDir the work folder whose pid file names the node
	 */
	public static void stopStaleNode(Path workDir) {
		NodeFolder.stopStaleNode(workDir, STOP_GRACE);
	}

	private void awaitReady() {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(uri() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
			.timeout(Duration.ofSeconds(5));
		security().ifPresent((secured) -> request.header("Authorization", secured.authorization()));
		HttpRequest health = request.build();
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				int exitCode = this.process.exitValue();
				this.process = null;
				throw new IllegalStateException("Elasticsearch exited with code " + exitCode
						+ " before it was ready. Console log:\n" + consoleTail());
			}
			if (answersHealth(health)) {
				return;
			}
			pause();
		}
		stop();
		throw new IllegalStateException(
				"Elasticsearch was not ready within " + STARTUP_TIMEOUT + ". Console log:\n" + consoleTail());
	}

	private boolean answersHealth(HttpRequest health) {
		try {
			return this.http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Elasticsearch", ex);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Elasticsearch", ex);
		}
	}

	private String consoleTail() {
		return String.join("\n", Processes.tail(this.workDir.resolve(CONSOLE_LOG), 40));
	}

	@Override
	public String toString() {
		return "EmbeddedElasticsearch[" + uri() + ", " + this.workDir + "]";
	}

}
