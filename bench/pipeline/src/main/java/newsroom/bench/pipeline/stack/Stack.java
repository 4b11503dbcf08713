package newsroom.bench.pipeline.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import newsroom.bench.pipeline.load.Http;
import newsroom.bench.pipeline.load.Pause;

/**
 * The pipeline under test: either the local stack started here, with the same launcher as
 * {@code ./run-local} and an empty data folder of its own, or servers someone else runs
 * ({@code --external}), which are only checked and never stopped.
 */
public final class Stack implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

	private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

	/** What the launcher logs once every service is healthy and the samples are in. */
	private static final String READY_LINE = "Newsroom is running.";

	private final Endpoints endpoints;

	private final Process launcher;

	private final Path data;

	private boolean closed;

	private Stack(Endpoints endpoints, Process launcher, Path data) {
		this.endpoints = endpoints;
		this.launcher = launcher;
		this.data = data;
	}

	/**
	 * Start the local stack: Kafka inside the launcher JVM, Elasticsearch and the three
	 * services as its children, all on the ports {@code ./run-local} uses, with no
	 * samples and a fresh data folder, so the index starts empty.
	 * @param root the repository root (the launcher's class path and service jars are
	 * under {@code local-stack/target})
	 * @param data a folder that does not exist yet, for the servers' data and the logs;
	 * its parent must be traversable by others
	 * @param progress told what is happening
	 * @return the running stack
	 * @throws IllegalStateException when a port is taken or the stack does not come up
	 */
	public static Stack startLocal(Path root, Path data, Consumer<String> progress) {
		for (Endpoints.Server server : Endpoints.LOCAL.servers()) {
			if (ProcessTable.isListening(server.port())) {
				throw new IllegalStateException("Port " + server.port() + " (" + server.name()
						+ ") is in use: stop what runs there, or benchmark it with --external");
			}
		}
		Path target = root.resolve("local-stack/target");
		try {
			// Elasticsearch runs as another user when this JVM is root: it must be able
			// to walk into the data folder, or the launcher falls back to a shared one.
			Files.createDirectories(data.resolve("no-samples"));
			Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
			String classPath = target.resolve("classes") + ":"
					+ Files.readString(target.resolve("runtime-classpath.txt")).strip();
			ProcessBuilder builder = new ProcessBuilder(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms32m", "-Xmx512m",
					"-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-cp", classPath,
					"newsroom.localstack.LocalStack")
				.directory(root.toFile())
				.redirectErrorStream(true)
				.redirectOutput(data.resolve("launcher.log").toFile());
			builder.environment().put("NEWSROOM_DATA", data.toString());
			builder.environment().put("NEWSROOM_SAMPLES", data.resolve("no-samples").toString());
			builder.environment().put("NEWSROOM_SERVICES", target.resolve("services").toString());
			// The services inherit these: the benchmark is one client measuring the
			// pipeline's capacity, which a per-client rate limit exists to cap, and it
			// sends no API key, so the stack it starts is open and unlimited.
			builder.environment().put("NEWSROOM_RATE_LIMIT_ENABLED", "false");
			List.of("NEWSROOM_API_KEYS", "NEWSROOM_API_KEYS_FILE", "NEWSROOM_INGEST_API_KEY")
				.forEach(builder.environment()::remove);
			progress.accept("Starting the local stack (data and logs in " + data + ")");
			Stack stack = new Stack(Endpoints.LOCAL, builder.start(), data);
			stack.awaitReady();
			return stack;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the local stack: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Servers already running, checked for health.
	 * @param endpoints where they listen
	 * @param http the client
	 * @return the stack, which {@link #close()} leaves running
	 */
	public static Stack external(Endpoints endpoints, Http http) {
		for (URI health : List.of(endpoints.ingest(), endpoints.enrich(), endpoints.search())) {
			if (!http.isUp(health.resolve("/actuator/health"))) {
				throw new IllegalStateException(health + " is not healthy");
			}
		}
		if (!http.isUp(endpoints.elasticsearch().resolve("/_cluster/health"))) {
			throw new IllegalStateException("Elasticsearch at " + endpoints.elasticsearch() + " does not answer");
		}
		return new Stack(endpoints, null, null);
	}

	/**
	 * Where the servers listen.
	 * @return the endpoints
	 */
	public Endpoints endpoints() {
		return this.endpoints;
	}

	/**
	 * What was benchmarked, for the report.
	 * @return {@code local} or {@code external}
	 */
	public String kind() {
		return (this.launcher != null) ? "local" : "external";
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		Path log = this.data.resolve("launcher.log");
		while (System.nanoTime() < deadline) {
			if (!this.launcher.isAlive()) {
				throw new IllegalStateException("The local stack stopped with code " + this.launcher.exitValue()
						+ ". Last lines of " + log + ":\n" + tail(log));
			}
			if (tail(log).contains(READY_LINE)) {
				return;
			}
			Pause.sleep(Duration.ofSeconds(1));
		}
		close();
		throw new IllegalStateException("The local stack was not up within " + START_TIMEOUT + ":\n" + tail(log));
	}

	/**
	 * Stop what this benchmark started: the launcher stops the services, then
	 * Elasticsearch and Kafka. The data folder stays for its owner to delete.
	 */
	@Override
	public synchronized void close() {
		if (this.launcher == null || this.closed) {
			return;
		}
		this.closed = true;
		this.launcher.destroy();
		try {
			if (!this.launcher.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				// Its children end with it: they were started with a parent-death signal.
				this.launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.launcher.destroyForcibly();
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "";
		}
	}

}
