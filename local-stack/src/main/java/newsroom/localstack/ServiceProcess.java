package newsroom.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Newsroom service running as a child JVM from its runnable jar, the way an operator
 * runs it, with its console output in a log file.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ServiceProcess.class);

	/** Environment variable with JVM options for every service. */
	static final String JAVA_OPTS = "NEWSROOM_JAVA_OPTS";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Process process;

	private final Path logFile;

	private ServiceProcess(String name, int port, Process process, Path logFile) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.logFile = logFile;
	}

	/**
	 * Start a service jar in a child JVM listening on 127.0.0.1.
	 * @param name the service's name, for logs
	 * @param jar the runnable jar
	 * @param port the HTTP port
	 * @param environment extra environment (Kafka and Elasticsearch addresses, settings)
	 * @param logFile where the child's console output goes
	 * @return the running process; call {@link #awaitHealthy(Duration)} before using it
	 * @throws IOException when the JVM cannot be started
	 */
	public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path logFile)
			throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IOException("No runnable jar for " + name + " at " + jar + ": build it first (./mvnw install)");
		}
		Files.createDirectories(logFile.getParent());
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(Path.of("/usr/bin/setsid")) && Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
			// Own session: Ctrl-C reaches the launcher only, which stops the services
			// before the
			// servers. Parent-death signal: the service ends with the thread that started
			// it, even
			// when the launcher is killed without running its shutdown hooks. Both exec
			// in place.
			command.addAll(List.of("/usr/bin/setsid", "/usr/bin/setpriv", "--pdeathsig=TERM", "--"));
		}
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions(name, System.getenv()));
		command.addAll(List.of("-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
		Process process = builder.start();
		logger.info("Started {} (pid {}) on port {}, log {}", name, process.pid(), port, logFile);
		return new ServiceProcess(name, port, process, logFile);
	}

	/**
	 * The JVM options of a service: the defaults, then {@value #JAVA_OPTS} (every
	 * service), then {@value #JAVA_OPTS}{@code _<SERVICE>} (one service, e.g.
	 * {@code NEWSROOM_JAVA_OPTS_ENRICH} for enrich-service); for the same option the JVM
	 * takes the last, so either may override a default, or add one (a flight recording,
	 * say).
	 * @param name the service's name, e.g. {@code enrich-service}
	 * @param environment where to look for the variables
	 * @return the options, in order
	 */
	static List<String> jvmOptions(String name, Map<String, String> environment) {
		// The serial collector: on heaps this small it costs less memory and CPU than G1
		// (bench/pipeline: the stack at rest fell from 2,130 to 1,676 MB with the
		// launcher's and Elasticsearch's changes beside it). enrich-service holds its
		// models, up to 50,000 open stories and every fingerprint: past 60,000 articles
		// 512 MB left it collecting most of the time, so it may grow to 1 GB.
		String heap = name.equals("enrich-service") ? "-Xmx1g" : "-Xmx512m";
		List<String> options = new ArrayList<>(
				List.of("-Xms64m", heap, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
		String service = name.replaceFirst("-service$", "").toUpperCase(Locale.ROOT).replace('-', '_');
		for (String variable : List.of(JAVA_OPTS, JAVA_OPTS + "_" + service)) {
			String value = environment.getOrDefault(variable, "").strip();
			if (!value.isEmpty()) {
				options.addAll(List.of(value.split("\\s+")));
			}
		}
		return options;
	}

	/**
	 * Wait until the service's health endpoint says UP.
	 * @param timeout how long to wait
	 * @throws IllegalStateException when the process died or the timeout passed, with the
	 * log's tail
	 */
	public void awaitHealthy(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with code " + this.process.exitValue()
						+ ". Last lines of " + this.logFile + ":\n" + logTail(40));
			}
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + this.name, ex);
			}
			pause();
		}
		throw new IllegalStateException(this.name + " was not healthy after " + timeout + ". Last lines of "
				+ this.logFile + ":\n" + logTail(40));
	}

	/**
	 * The base URI of the service's HTTP API.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/**
	 * The service's name.
	 * @return the name given at start
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The last lines of the service's log.
	 * @param lines how many
	 * @return the lines, joined
	 */
	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.logFile);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

	/**
	 * The process id of the service's JVM (the launch commands exec in place).
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Kill the service without warning (SIGKILL), as a crash or the OOM killer would: no
	 * shutdown hook, no batch finished, no offset committed.
	 * @throws IllegalStateException when it is still alive 10 s later
	 */
	public void kill() {
		this.process.destroyForcibly();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException(this.name + " (pid " + pid() + ") survived SIGKILL for 10 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while killing " + this.name, ex);
		}
		logger.info("Killed {} (pid {})", this.name, pid());
	}

	/**
	 * Stop the service gracefully (SIGTERM lets Spring finish the batch in flight),
	 * forcibly after 30 s.
	 */
	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				logger.warn("{} did not stop within 30 s, killing it", this.name);
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		logger.info("Stopped {}", this.name);
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
