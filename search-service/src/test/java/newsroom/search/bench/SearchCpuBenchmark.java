package newsroom.search.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.OperatingSystemMXBean;
import newsroom.events.EnrichedArticle;
import newsroom.events.Topics;
import newsroom.servers.EmbeddedElasticsearch;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the dashboard's search costs search-service itself, on the embedded Kafka and
 * Elasticsearch: {@code bench/alerts/run.sh newsroom.search.bench.SearchCpuBenchmark
 * [articles] [searches] [clients]}. Indexes the articles (about 600 words each, published
 * over the last year), then sends the dashboard's search ({@code q} and {@code size=20}:
 * hits with highlights, four facets, the timeline) through the service's HTTP endpoint
 * from several clients at once, and prints the CPU per search of the service's request
 * threads (Tomcat's and the Elasticsearch client's), of the whole JVM without the
 * benchmark's own clients and less what it spends idle (so with the garbage collector,
 * without the Kafka broker), and of Elasticsearch, with the median and 99th percentile of
 * the answer time. Not a test.
 */
public final class SearchCpuBenchmark {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Threads of the service that answer a search. */
	private static final List<String> REQUEST_THREADS = List.of("http-nio-", "I/O dispatcher",
			"elasticsearch-rest-client");

	/** Threads of the benchmark's own clients, left out of the service's CPU. */
	private static final List<String> CLIENT_THREADS = List.of("bench-client-", "HttpClient-");

	private static final double CLOCK_TICKS_PER_MS = 0.1;

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final List<String> queries;

	/** CPU the JVM spends without searches (the broker, the listener's polls), ns/s. */
	private double idleCpuPerSecond;

	private SearchCpuBenchmark(int port, List<String> queries) {
		this.port = port;
		this.queries = queries;
	}

	public static void main(String[] args) throws Exception {
		int articles = (args.length > 0) ? Integer.parseInt(args[0]) : 5_000;
		int searches = (args.length > 1) ? Integer.parseInt(args[1]) : 1_000;
		int clients = (args.length > 2) ? Integer.parseInt(args[2]) : 4;
		String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		ConfigurableApplicationContext app = BenchService.start(run);
		try (app) {
			BenchCorpus corpus = new BenchCorpus(7);
			// Words from common to rarer, as people type them in the search box.
			List<String> queries = new ArrayList<>();
			for (int rank : new int[] { 3, 10, 40, 100, 200, 400, 800, 1500 }) {
				queries.add("/api/v1/search?q=" + corpus.word(rank) + "&size=20");
			}
			SearchCpuBenchmark bench = new SearchCpuBenchmark(
					Integer.parseInt(app.getEnvironment().getProperty("local.server.port")), queries);
			publish(corpus, articles);
			long started = System.nanoTime();
			while (bench.total("/api/v1/search?size=1") < articles) {
				Thread.sleep(200);
			}
			System.out.printf("%,d articles indexed in %.1f s%n", articles, (System.nanoTime() - started) / 1e9);
			bench.measure(Math.max(200, searches / 5), clients);
			bench.idleCpuPerSecond = idleCpuPerSecond();
			for (int round = 1; round <= 3; round++) {
				System.out.println("round " + round + ": " + bench.measure(searches, clients));
			}
		}
		System.exit(0);
	}

	/** Articles published over the last year, so that the timeline rolls days up. */
	private static void publish(BenchCorpus corpus, int count) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				NewsroomServers.kafka().bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 10,
				ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		Instant now = Instant.now();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			for (int i = 0; i < count; i++) {
				Instant published = now.minus(Duration.ofMinutes((long) i * 365 * 24 * 60 / count));
				EnrichedArticle article = corpus.article("bench-" + UUID.randomUUID(), published);
				producer.send(new ProducerRecord<>(Topics.ENRICHED, article.id(), json.writeValueAsBytes(article)));
			}
		}
	}

	private Figures measure(int searches, int clients) throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		OperatingSystemMXBean process = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		Map<Long, Long> requestBefore = cpuByThread(threads, REQUEST_THREADS);
		Map<Long, Long> clientBefore = cpuByThread(threads, CLIENT_THREADS);
		long processBefore = process.getProcessCpuTime();
		long elasticsearchBefore = elasticsearchTicks();
		List<Double> times = Collections.synchronizedList(new ArrayList<>());
		AtomicLong next = new AtomicLong();
		AtomicLong named = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(clients,
				(task) -> new Thread(task, "bench-client-" + named.incrementAndGet()));
		List<Future<?>> running = new ArrayList<>();
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			running.add(pool.submit(() -> {
				for (long i = next.getAndIncrement(); i < searches; i = next.getAndIncrement()) {
					long sent = System.nanoTime();
					search(this.queries.get((int) (i % this.queries.size())));
					times.add((System.nanoTime() - sent) / 1e6);
				}
				return null;
			}));
		}
		for (Future<?> client : running) {
			client.get();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long client = spent(threads, clientBefore, CLIENT_THREADS);
		long request = spent(threads, requestBefore, REQUEST_THREADS);
		long service = process.getProcessCpuTime() - processBefore - client
				- Math.round(this.idleCpuPerSecond * seconds);
		double elasticsearch = (elasticsearchTicks() - elasticsearchBefore) / CLOCK_TICKS_PER_MS;
		pool.shutdown();
		return new Figures(searches, searches / seconds, request / 1e6 / searches, service / 1e6 / searches,
				elasticsearch / searches, percentile(times, 0.5), percentile(times, 0.99));
	}

	private static double idleCpuPerSecond() throws InterruptedException {
		OperatingSystemMXBean process = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long before = process.getProcessCpuTime();
		long started = System.nanoTime();
		Thread.sleep(10_000);
		return (process.getProcessCpuTime() - before) / ((System.nanoTime() - started) / 1e9);
	}

	private void search(String target) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + target)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(target + " answered " + response.statusCode());
		}
	}

	private long total(String target) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + target)).build(),
				HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body()).path("total").asLong();
	}

	private static Map<Long, Long> cpuByThread(ThreadMXBean threads, List<String> prefixes) {
		Map<Long, Long> cpu = new HashMap<>();
		for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (thread != null && prefixes.stream().anyMatch(thread.getThreadName()::startsWith)) {
				cpu.put(thread.getThreadId(), threads.getThreadCpuTime(thread.getThreadId()));
			}
		}
		return cpu;
	}

	/**
	 * CPU the matching threads spent since {@code before}, threads started since
	 * included.
	 */
	private static long spent(ThreadMXBean threads, Map<Long, Long> before, List<String> prefixes) {
		long total = 0;
		for (Map.Entry<Long, Long> thread : cpuByThread(threads, prefixes).entrySet()) {
			total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
		}
		return total;
	}

	/** User and system time of the Elasticsearch process, in clock ticks. */
	private static long elasticsearchTicks() throws IOException {
		Optional<Long> pid = (NewsroomServers.elasticsearch() instanceof EmbeddedElasticsearch node)
				? Optional.of(node.pid()) : Optional.empty();
		if (pid.isEmpty()) {
			return 0;
		}
		String stat = Files.readString(Path.of("/proc", pid.get().toString(), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// After the command: state is field 3, utime 14 and stime 15 (1-based).
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	private static double percentile(List<Double> values, double fraction) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(fraction * sorted.size())));
	}

	/**
	 * One measured run.
	 *
	 * @param searches how many searches
	 * @param perSecond searches answered per second
	 * @param requestThreadsMs CPU of the service's request threads per search
	 * @param serviceMs CPU of the JVM without the benchmark's clients, less its idle CPU,
	 * per search
	 * @param elasticsearchMs CPU of Elasticsearch per search
	 * @param p50 median answer time, ms
	 * @param p99 99th percentile answer time, ms
	 */
	private record Figures(int searches, double perSecond, double requestThreadsMs, double serviceMs,
			double elasticsearchMs, double p50, double p99) {

		@Override
		public String toString() {
			return String.format(
					"%,d searches, %.0f/s | service CPU per search: request threads %.2f ms, JVM %.2f ms"
							+ " | Elasticsearch %.2f ms | answer p50 %.1f ms, p99 %.1f ms",
					this.searches, this.perSecond, this.requestThreadsMs, this.serviceMs, this.elasticsearchMs,
					this.p50, this.p99);
		}

	}

}
