package newsroom.bench.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * The pipeline the chaos run owns: a Kafka broker in this JVM and an Elasticsearch node,
 * each on its own folder so that it can be stopped and started again on its data, and the
 * three service jars as child JVMs, all on free loopback ports. Every process is started
 * from the thread that creates the stack and runs the faults: the services and the node
 * carry a parent-death signal, which Linux sends when the starting thread ends.
 */
final class ChaosStack implements AutoCloseable {

	/** Generous: on this 2-core machine, other builds may share the cores. */
	private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(4);

	private final Path work;

	private final Path jars;

	private final Consumer<String> progress;

	private final Map<Service, Integer> ports = new EnumMap<>(Service.class);

	private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);

	private EmbeddedKafka kafka;

	private EmbeddedElasticsearch elasticsearch;

	private boolean closed;

	private ChaosStack(Path work, Path jars, Consumer<String> progress) {
		this.work = work;
		this.jars = jars;
		this.progress = progress;
	}

	/**
	 * Start everything with empty data: the broker and the node side by side, then the
	 * three services side by side, each healthy before this returns.
	 * @param root the repository root ({@code local-stack/target/services} holds the
	 * jars)
	 * @param work an empty folder that Elasticsearch's user can reach
	 * @param progress told what is happening
	 * @return the running stack; close it in every case
	 */
	static ChaosStack start(Path root, Path work, Consumer<String> progress) {
		ChaosStack stack = new ChaosStack(work, root.resolve("local-stack/target/services"), progress);
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

	String bootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	URI elasticsearchUri() {
		return URI.create(this.elasticsearch.uri());
	}

	URI uri(Service service) {
		return URI.create("http://" + Ports.HOST + ":" + this.ports.get(service));
	}

	/**
	 * SIGKILL a service, then start it again on the same port and wait until it is
	 * healthy.
	 * @param service which
	 * @return what happened, for the report
	 */
	String killAndRestart(Service service) {
		ServiceProcess victim = this.services.get(service);
		long pid = victim.pid();
		victim.kill();
		launch(service);
		this.services.get(service).awaitHealthy(SERVICE_START_TIMEOUT);
		return "pid " + pid + " killed; pid " + this.services.get(service).pid() + " healthy";
	}

	/**
	 * Stop Elasticsearch (SIGTERM to the node), wait, and start it again on its data.
	 * @param away how long it stays stopped
	 * @return what happened, for the report
	 */
	String stopElasticsearch(Duration away) {
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
	String restartKafka(Duration away) {
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
	String logTails(int lines) {
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
		// A stable transactional id prefix, as an operator sets it: the restarted
		// enricher
		// fences its killed predecessor and aborts its open transaction at once.
		Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", this.kafka.bootstrapServers(),
				"ELASTICSEARCH_URIS", this.elasticsearch.uri(), "NEWSROOM_ENRICH_TRANSACTION_ID_PREFIX",
				"chaos-enrich-");
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
	enum Service {

		INGEST("ingest-service"), ENRICH("enrich-service"), SEARCH("search-service");

		private final String jar;

		Service(String jar) {
			this.jar = jar;
		}

		String jar() {
			return this.jar;
		}

	}

}
