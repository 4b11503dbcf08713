package newsroom.search.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import newsroom.events.EnrichedArticle;
import newsroom.events.Topics;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Indexing throughput of search-service with no alerts and with 1,000 saved searches, on
 * the embedded Kafka and Elasticsearch:
 * {@code bench/alerts/run.sh newsroom.search.bench.AlertIndexingBenchmark [articles [warm-ups [passes]]]}.
 * One service runs in this JVM; each round publishes a backlog of articles and times how
 * long the service takes to index all of them, and how long until the alert listener has
 * matched all of them too. Rounds: warm-ups (3 without alerts, then one with each kind of
 * alerts), then, per pass (3), no alerts and 1,000 alerts of each kind, and a last round
 * without (the index grows from round to round, which only slows the later rounds). Not a
 * test.
 */
public final class AlertIndexingBenchmark {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private final ConfigurableApplicationContext app;

	private final BenchCorpus corpus = new BenchCorpus(7);

	private final String group;

	private final int port;

	private AlertIndexingBenchmark(ConfigurableApplicationContext app, String group) {
		this.app = app;
		this.group = group;
		this.port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

	public static void main(String[] args) throws Exception {
		int articles = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int warmUps = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		int passes = (args.length > 2) ? Integer.parseInt(args[2]) : 3;
		String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		ConfigurableApplicationContext app = BenchService.start(run);
		try (app) {
			AlertIndexingBenchmark bench = new AlertIndexingBenchmark(app, run);
			// Warm-ups, with alerts too: the JIT compiles for the first tens of thousands
			// of articles, and the matching code only once alerts exist; its CPU would
			// count against the first rounds.
			for (int i = 0; i < warmUps; i++) {
				bench.round("warm-up, no alerts", articles);
			}
			for (BenchCorpus.Mix mix : BenchCorpus.Mix.values()) {
				bench.roundWithAlerts("warm-up, ", mix, articles);
			}
			// Alternated, because the machine's speed drifts (other work shares it).
			for (int pass = 1; pass <= passes; pass++) {
				for (BenchCorpus.Mix mix : BenchCorpus.Mix.values()) {
					bench.round("no alerts", articles);
					bench.roundWithAlerts("", mix, articles);
				}
			}
			// So that every round with alerts has a round without on either side.
			bench.round("no alerts", articles);
		}
		System.exit(0);
	}

	private void roundWithAlerts(String prefix, BenchCorpus.Mix mix, int count) throws Exception {
		List<String> alerts = createAlerts(1000, mix);
		round(prefix + "1,000 " + mix.name().toLowerCase(Locale.ROOT), count);
		for (String id : alerts) {
			send(HttpRequest.newBuilder(uri("/api/v1/alerts/" + id)).DELETE());
		}
	}

	private void round(String name, int count) throws Exception {
		List<EnrichedArticle> articles = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			articles.add(this.corpus.article("bench-" + UUID.randomUUID()));
		}
		MeterRegistry meters = this.app.getBean(MeterRegistry.class);
		DoubleSupplier indexed = () -> meters.get("newsroom.search.indexed")
			.tag("outcome", "indexed")
			.counter()
			.count();
		DoubleSupplier matches = () -> meters.find("newsroom.search.alerts.matches")
			.tag("outcome", "published")
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
		Timer percolation = meters.timer("newsroom.search.alerts.percolation");
		double percolationBefore = percolation.totalTime(TimeUnit.MICROSECONDS);
		long percolatedBefore = percolation.count();
		double indexedBefore = indexed.getAsDouble();
		double matchesBefore = matches.getAsDouble();
		long cpuBefore = cpuNanos();
		long started = System.nanoTime();
		publish(articles);
		while (indexed.getAsDouble() - indexedBefore < count) {
			Thread.sleep(20);
		}
		double indexing = (System.nanoTime() - started) / 1e9;
		while (alertLag() > 0) {
			Thread.sleep(20);
		}
		double matching = (System.nanoTime() - started) / 1e9;
		double cpuPerArticle = (cpuNanos() - cpuBefore) / 1e6 / count;
		long percolated = percolation.count() - percolatedBefore;
		double percolationMean = (percolated > 0)
				? (percolation.totalTime(TimeUnit.MICROSECONDS) - percolationBefore) / percolated : 0;
		System.out.printf(
				"%-22s %,7d articles: indexed in %6.1f s = %,6.0f articles/s; matched too in %6.1f s = %,6.0f articles/s;"
						+ " %,.0f matches published; CPU %.2f ms per article, of which percolation %.0f µs%n",
				name, count, indexing, count / indexing, matching, count / matching,
				matches.getAsDouble() - matchesBefore, cpuPerArticle, percolationMean);
	}

	/**
	 * CPU time used so far by this JVM (the service, the Kafka broker, the producer) and
	 * its child processes (the Elasticsearch node): unlike elapsed time, it does not
	 * depend on what else the machine is doing.
	 */
	private static long cpuNanos() {
		long cpu = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
		for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
			cpu += child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
		}
		return cpu;
	}

	private void publish(List<EnrichedArticle> articles) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				NewsroomServers.kafka().bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 10,
				ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			for (EnrichedArticle article : articles) {
				producer.send(new ProducerRecord<>(Topics.ENRICHED, article.id(), json.writeValueAsBytes(article)));
			}
		}
	}

	/** Records of the enriched topic the alert listener's group has not committed yet. */
	private long alertLag() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, NewsroomServers.kafka().bootstrapServers()))) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(this.group + "-alerts")
				.partitionsToOffsetAndMetadata()
				.get();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(List.of(Topics.ENRICHED))
				.allTopicNames()
				.get()
				.get(Topics.ENRICHED)
				.partitions()
				.forEach((p) -> latest.put(new TopicPartition(Topics.ENRICHED, p.partition()), OffsetSpec.latest()));
			long lag = 0;
			for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : admin.listOffsets(latest)
				.all()
				.get()
				.entrySet()) {
				OffsetAndMetadata at = committed.get(end.getKey());
				lag += end.getValue().offset() - ((at != null) ? at.offset() : 0);
			}
			return lag;
		}
	}

	private List<String> createAlerts(int count, BenchCorpus.Mix mix) throws Exception {
		List<String> ids = new ArrayList<>(count);
		long started = System.nanoTime();
		for (Map<String, Object> alert : this.corpus.alerts(count, mix)) {
			HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/alerts"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(alert))));
			if (created.statusCode() != 201) {
				throw new IllegalStateException("Alert refused: " + created.body());
			}
			JsonNode body = json.readTree(created.body());
			ids.add(body.path("id").asString());
		}
		System.out.printf("created %,d alerts in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
		return ids;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
