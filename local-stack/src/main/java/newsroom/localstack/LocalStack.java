package newsroom.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import newsroom.servers.EmbeddedElasticsearch;
import newsroom.servers.EmbeddedKafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline on one machine, no Docker: a real Kafka broker and a real
 * Elasticsearch node with their data under one folder, the three services as child JVMs,
 * and the sample articles ingested through the public API. Ctrl-C stops everything; the
 * next start finds the data again.
 */
public final class LocalStack implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalStack.class);

	private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration SEARCHABLE_TIMEOUT = Duration.ofSeconds(120);

	private final Settings settings;

	private final ObjectMapper json = JsonMapper.builder().build();

	private final List<AutoCloseable> running = new ArrayList<>();

	/** The services inherit this JVM's environment, and with it their API keys. */
	private final Optional<String> apiKey = IngestClient.apiKey(System.getenv());

	private ServiceProcess ingest;

	private ServiceProcess search;

	LocalStack(Settings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromEnvironment();
		List<Path> inputs = new ArrayList<>();
		inputs.add(settings.samples());
		for (String arg : args) {
			inputs.add(Path.of(arg).toAbsolutePath());
		}
		LocalStack stack = new LocalStack(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "newsroom-local-stop"));
		try {
			Instant started = Instant.now();
			stack.start();
			logger.info("Pipeline up in {} s", Duration.between(started, Instant.now()).toSeconds());
			stack.ingest(inputs);
			stack.printWhereToSearch();
		}
		catch (Exception ex) {
			logger.error("Local stack failed to start: {}", ex.getMessage());
			System.exit(1);
		}
		new CountDownLatch(1).await();
	}

	/**
	 * Start Kafka, Elasticsearch and the three services, each healthy before the next.
	 * @throws IOException when a server cannot start
	 */
	void start() throws IOException {
		Path data = this.settings.data();
		Files.createDirectories(data);
		logger.info("Data folder: {}", data);
		// The two servers do not depend on each other: start Elasticsearch (the slow one)
		// alongside Kafka.
		CompletableFuture<EmbeddedElasticsearch> startingElasticsearch = CompletableFuture
			.supplyAsync(() -> EmbeddedElasticsearch.start(elasticsearchFolder(data), this.settings.elasticsearchPort())
				.stopOnlyWhenClosed());
		EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), this.settings.kafkaPort())
			.stopOnlyWhenClosed();
		this.running.add(kafka);
		logger.info("Kafka ready at {}", kafka.bootstrapServers());
		EmbeddedElasticsearch elasticsearch = startingElasticsearch.join();
		this.running.add(elasticsearch);
		logger.info("Elasticsearch ready at {}", elasticsearch.uri());
		Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
				"ELASTICSEARCH_URIS", elasticsearch.uri());
		this.ingest = startService("ingest-service", 8081, environment);
		startService("enrich-service", 8082, environment);
		this.search = startService("search-service", 8083, environment);
	}

	/**
	 * Elasticsearch's data belongs in the data folder, but when this JVM is root the node
	 * runs as an unprivileged user who must be able to reach it: a data folder under a
	 * private home (mode 700) is not reachable, so the node's data then goes to the
	 * testkit's shared base folder.
	 */
	private static Path elasticsearchFolder(Path data) {
		Path preferred = data.resolve("elasticsearch");
		if (EmbeddedElasticsearch.unreachableByNodeUser(preferred).isEmpty()) {
			return preferred;
		}
		Path fallback = EmbeddedElasticsearch.defaultBaseDir().resolve("local-stack");
		logger.warn("{} is not reachable by the Elasticsearch user; keeping Elasticsearch data in {}", data, fallback);
		return fallback;
	}

	private ServiceProcess startService(String name, int port, Map<String, String> environment) throws IOException {
		ServiceProcess service = ServiceProcess.start(name, this.settings.services().resolve(name + ".jar"), port,
				environment, this.settings.data().resolve("logs").resolve(name + ".log"));
		this.running.add(service);
		service.awaitHealthy(SERVICE_START_TIMEOUT);
		return service;
	}

	/**
	 * Submit every article in the given files and folders, then wait until search-service
	 * serves them.
	 * @param inputs files and folders
	 * @throws IOException when ingest-service cannot be reached
	 */
	void ingest(List<Path> inputs) throws IOException {
		IngestClient client = new IngestClient(this.ingest.baseUri(), this.json, this.apiKey);
		Set<String> ids = new LinkedHashSet<>();
		int duplicates = 0;
		for (ArticleFiles.Request request : new ArticleFiles(this.json).read(inputs)) {
			IngestClient.Answer answer = client.submit(request);
			if (answer.accepted()) {
				ids.add(answer.body().path("id").asString());
				if ("duplicate".equals(answer.body().path("status").asString())) {
					duplicates++;
				}
			}
			else {
				logger.warn("{} was rejected ({}): {}", request.file(), answer.status(), answer.body());
			}
		}
		logger.info("Submitted {} articles ({} already known)", ids.size(), duplicates);
		awaitSearchable(ids);
	}

	private void awaitSearchable(Set<String> ids) {
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(SEARCHABLE_TIMEOUT);
		Instant started = Instant.now();
		Set<String> waiting = new LinkedHashSet<>(ids);
		while (!waiting.isEmpty() && Instant.now().isBefore(deadline)) {
			waiting.removeIf((id) -> isServed(http, id));
			if (!waiting.isEmpty()) {
				pause();
			}
		}
		if (waiting.isEmpty()) {
			logger.info("All {} articles searchable after {} ms", ids.size(),
					Duration.between(started, Instant.now()).toMillis());
		}
		else {
			logger.warn("{} articles not searchable yet after {} s: {}", waiting.size(), SEARCHABLE_TIMEOUT.toSeconds(),
					waiting);
		}
	}

	private boolean isServed(HttpClient http, String id) {
		URI uri = this.search.baseUri().resolve("/api/v1/articles/" + id);
		try {
			return http.send(IngestClient.request(uri, this.apiKey).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void printWhereToSearch() {
		String search = this.search.baseUri().toString();
		String ingest = this.ingest.baseUri().toString();
		logger.info("""

				Newsroom is running.
				  Dashboard   {}/
				  Search      curl '{}/api/v1/search?q=flood'
				  Submit      curl -X POST {}/api/v1/articles -H 'Content-Type: application/json' \\
				                -d '{"title": "...", "text": "...", "source": "me"}'
				  Health      curl {}/actuator/health   (8081 ingest, 8082 enrich, 8083 search)
				  Kafka       127.0.0.1:{}   Elasticsearch http://127.0.0.1:{}
				  Data, logs  {}
				Press Ctrl-C to stop.""", search, search, ingest, search, this.settings.kafkaPort(),
				this.settings.elasticsearchPort(), this.settings.data());
	}

	/**
	 * Stop the services first (so they finish their batches), then Elasticsearch and
	 * Kafka.
	 */
	@Override
	public synchronized void close() {
		for (int i = this.running.size() - 1; i >= 0; i--) {
			try {
				this.running.get(i).close();
			}
			catch (Exception ex) {
				logger.warn("Could not stop {} cleanly: {}", this.running.get(i), ex.getMessage());
			}
		}
		this.running.clear();
	}

	private static void pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Where things are. Every value has an environment variable.
	 *
	 * @param data the data folder ({@code NEWSROOM_DATA}, default {@code .newsroom-data})
	 * @param services folder of the runnable service jars ({@code NEWSROOM_SERVICES})
	 * @param samples folder of articles ingested at start-up ({@code NEWSROOM_SAMPLES},
	 * default {@code samples})
	 * @param kafkaPort Kafka's port ({@code NEWSROOM_KAFKA_PORT}, default 9092)
	 * @param elasticsearchPort Elasticsearch's HTTP port
	 * ({@code NEWSROOM_ELASTICSEARCH_PORT}, default 9200)
	 */
	record Settings(Path data, Path services, Path samples, int kafkaPort, int elasticsearchPort) {

		static Settings fromEnvironment() {
			Map<String, String> env = System.getenv();
			Path home = Path.of("").toAbsolutePath();
			return new Settings(Path.of(env.getOrDefault("NEWSROOM_DATA", home.resolve(".newsroom-data").toString())),
					Path.of(env.getOrDefault("NEWSROOM_SERVICES",
							home.resolve("local-stack/target/services").toString())),
					Path.of(env.getOrDefault("NEWSROOM_SAMPLES", home.resolve("samples").toString())),
					Integer.parseInt(env.getOrDefault("NEWSROOM_KAFKA_PORT", "9092")),
					Integer.parseInt(env.getOrDefault("NEWSROOM_ELASTICSEARCH_PORT", "9200")));
		}

	}

}
