package newsroom.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import newsroom.bench.pipeline.load.Pause;
import newsroom.localstack.ServiceProcess;
import newsroom.servers.EmbeddedElasticsearch;
import newsroom.servers.EmbeddedKafka;
import newsroom.servers.Ports;

/**
 * The pipeline a bench command owns (the chaos and the load runs): a Kafka broker in this
 * JVM and an Elasticsearch node, each on its own folder so that it can be stopped and
 * started again on its data, and the three service jars as child JVMs, all on free
 * loopback ports. Every process is started from the thread that creates the stack and
 * restarts its parts: the services and the node carry a parent-death signal, which Linux
 * sends when the starting thread ends.
 */
public final class OwnStack implements AutoCloseable {

	/** Generous: on this 2-core machine, other builds may share the cores. */
	private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(4);

	private final Path work;

	private final Path jars;

	private final Consumer<String> progress;

	private final Map<String, String> settings;

	private final Map<Service, Map<String, String>> serviceSettings = new EnumMap<>(Service.class);

	private final Map<Service, Integer> ports = new EnumMap<>(Service.class);

	private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);

	private EmbeddedKafka kafka;

	private EmbeddedElasticsearch elasticsearch;

	private boolean closed;

	private OwnStack(Path work, Path jars, Map<String, String> settings, Consumer<String> progress) {
		this.work = work;
		this.jars = jars;
		this.settings = Map.copyOf(settings);
		this.progress = progress;
	}

	/**
	 * Start everything with empty data: the broker and the node side by side, then the
	 * three services side by side, each healthy before this returns.
	 * @param root the repository root ({@code local-stack/target/services} holds the
	 * jars)
	 * @param work an empty folder that Elasticsearch's user can reach
	 * @param settings environment of every service, beyond the servers' addresses
	 * @param progress told what is happening
	 * @return the running stack; close it in every case
	 */
	public static OwnStack start(Path root, Path work, Map<String, String> settings, Consumer<String> progress) {
		OwnStack stack = new OwnStack(work, root.resolve("local-stack/target/services"), settings, progress);
		try {
			stack.startServers();
			for (Service service : Service.values()) {
				stack.ports.put(service, Ports.free());
				stack.launch(service);
			}
			for (Service service : Service.values()) {
				stack.services.get(service).awaitHealthy(SERVICE_START_TIMEOUT);
			}
			progress.accept("Pipeline up: ingest " + stack.uri(Service.INGEST) + ", search " + stack.uri(Service.SEARCH)
					+ ", Kafka " + stack.bootstrapServers() + ", Elasticsearch " + stack.elasticsearchUri());
			return stack;
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
	}

	private void startServers() {
		// The broker lives in this JVM, so starting it on another thread is safe; the
		// node
		// is a child process and starts from this one.
		CompletableFuture<EmbeddedKafka> startingKafka = CompletableFuture
			.supplyAsync(() -> EmbeddedKafka.start(this.work.resolve("kafka"), 0).stopOnlyWhenClosed());
		try {
			this.elasticsearch = EmbeddedElasticsearch.start(this.work.resolve("elasticsearch"), 0)
				.stopOnlyWhenClosed();
		}
		finally {
			this.kafka = startingKafka.join();
		}
	}

	public String bootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	public URI elasticsearchUri() {
		return URI.create(this.elasticsearch.uri());
	}

	public URI uri(Service service) {
		return URI.create("http://" + Ports.HOST + ":" + this.ports.get(service));
	}

	/**
	 * SIGKILL a service, then start it again on the same port and wait until it is
	 * healthy.
	 * @param service which
	 * @return what happened, for the report
	 */
	public String killAndRestart(Service service) {
		ServiceProcess victim = this.services.get(service);
		long pid = victim.pid();
		victim.kill();
		launch(service);
		this.services.get(service).awaitHealthy(SERVICE_START_TIMEOUT);
		return "pid " + pid + " killed; pid " + this.services.get(service).pid() + " healthy";
	}

	/**
	 * Stop a service gracefully and start it again on the same port with settings of its
	 * own on top of the stack's, then wait until it is healthy.
	 * @param service which
	 * @param extra its own environment from now on, e.g. a limit switched off
	 * @return what happened, for the report
	 */
	public String restart(Service service, Map<String, String> extra) {
		ServiceProcess old = this.services.get(service);
		long pid = old.pid();
		old.close();
		this.serviceSettings.put(service, Map.copyOf(extra));
		launch(service);
		this.services.get(service).awaitHealthy(SERVICE_START_TIMEOUT);
		return "pid " + pid + " stopped; pid " + this.services.get(service).pid() + " healthy with " + extra;
	}

	/**
	 * The process id of a service's JVM.
	 * @param service which
	 * @return its pid now
	 */
	public long pid(Service service) {
		return this.services.get(service).pid();
	}

	/**
	 * Stop Elasticsearch (SIGTERM to the node), wait, and start it again on its data.
	 * @param away how long it stays stopped
	 * @return what happened, for the report
	 */
	public String stopElasticsearch(Duration away) {
		this.elasticsearch.stop();
		Pause.sleep(away);
		this.elasticsearch.start();
		return "away " + away.toSeconds() + " s, then started on its data";
	}

	/**
	 * Shut the broker down, wait, and start it again on the same folder and port; the
	 * clients in the services reconnect by themselves.
	 * @param away how long it stays down
	 * @return what happened, for the report
	 */
	public String restartKafka(Duration away) {
		int port = this.kafka.port();
		this.kafka.close();
		Pause.sleep(away);
		this.kafka = EmbeddedKafka.start(this.work.resolve("kafka"), port).stopOnlyWhenClosed();
		return "down " + away.toSeconds() + " s, then started on its log folder and port " + port;
	}

	/**
	 * The last lines of every service's log, for a failure report.
	 * @param lines how many per service
	 * @return the tails, each under a header naming the log file
	 */
	public String logTails(int lines) {
		StringBuilder tails = new StringBuilder();
		this.services.forEach((service, process) -> tails.append("--- last lines of ")
			.append(logFile(service))
			.append(" ---\n")
			.append(process.logTail(lines))
			.append('\n'));
		return tails.toString();
	}

	private Path logFile(Service service) {
		return this.work.resolve("logs").resolve(service.jar() + ".log");
	}

	private void launch(Service service) {
		Map<String, String> environment = new HashMap<>(this.settings);
		environment.putAll(this.serviceSettings.getOrDefault(service, Map.of()));
		environment.put("KAFKA_BOOTSTRAP_SERVERS", this.kafka.bootstrapServers());
		environment.put("ELASTICSEARCH_URIS", this.elasticsearch.uri());
		try {
			this.services.put(service, ServiceProcess.start(service.jar(), this.jars.resolve(service.jar() + ".jar"),
					this.ports.get(service), environment, this.work.resolve("logs").resolve(service.jar() + ".log")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stop the services (search first), then Elasticsearch and Kafka. Safe to call twice
	 * and from a shutdown hook.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		List<AutoCloseable> order = new ArrayList<>();
		for (int i = Service.values().length - 1; i >= 0; i--) {
			order.add(this.services.get(Service.values()[i]));
		}
		order.add(this.elasticsearch);
		order.add(this.kafka);
		for (AutoCloseable closeable : order) {
			if (closeable != null) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					this.progress.accept("Could not stop " + closeable + ": " + ex.getMessage());
				}
			}
		}
	}

	/** The three services, in start order. */
	public enum Service {

		INGEST("ingest-service"), ENRICH("enrich-service"), SEARCH("search-service");

		private final String jar;

		Service(String jar) {
			this.jar = jar;
		}

		public String jar() {
			return this.jar;
		}

	}

}
