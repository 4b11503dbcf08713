package newsroom.enrich.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import newsroom.enrich.Enrichers;
import newsroom.enrich.analysis.Analyser;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.entity.NameFinders;
import newsroom.enrich.nlp.NlpModels;
import newsroom.events.Enrichment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The throughput benchmark (not a test): the standard enricher, in process and on one
 * thread, over articles of about 800 words assembled from the dev-set paragraphs (all
 * English, every stage busy). A loop timed by the thread's CPU time, so that a busy
 * machine measures as many articles as a quiet one: {@code -Dwarmup=10} CPU-seconds of
 * warm-up, then {@code -Dmeasure=10} CPU-seconds measured in {@code -Dwindows=5}; prints
 * the thread's CPU time per article and articles per CPU-second, overall and in the least
 * disturbed window, beside the elapsed time, and each stage's mean CPU and elapsed time.
 * On a shared machine the CPU time is the figure that means something: elapsed time also
 * counts the time other processes held the core.
 *
 * <pre>
 * bench/enrich/run.sh newsroom.enrich.bench.ThroughputBenchmark
 * </pre>
 */
public final class ThroughputBenchmark {

	static final int TARGET_WORDS = 800;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private ThroughputBenchmark() {
	}

	public static void main(String[] args) {
		long warmup = Long.getLong("warmup", 10);
		long measure = Long.getLong("measure", 10);
		int windows = Integer.getInteger("windows", 5);
		List<String[]> articles = articles();
		Map<String, LongAdder> stageNanos = new ConcurrentHashMap<>();
		Map<String, LongAdder> stageCpuNanos = new ConcurrentHashMap<>();
		List<Analyser> stages = Enrichers.analysers(NlpModels.load(), NameFinders.NONE)
			.stream()
			.map((stage) -> (Analyser) new CpuTimed(stage, stageCpuNanos))
			.toList();
		Enricher enricher = new Enricher(stages,
				(stage, nanos) -> stageNanos.computeIfAbsent(stage, (s) -> new LongAdder()).add(nanos));
		long[] checksum = new long[1];
		run(enricher, articles, TimeUnit.SECONDS.toNanos(warmup), 0, checksum);
		stageNanos.clear();
		stageCpuNanos.clear();
		long start = System.nanoTime();
		long cpuStart = THREADS.getCurrentThreadCpuTime();
		// Other processes on the core slow this one down even in CPU time (caches, a
		// shared physical core): the least disturbed window is the code's own speed.
		long done = 0;
		double bestWindow = Double.MAX_VALUE;
		for (int window = 0; window < windows; window++) {
			long windowStart = THREADS.getCurrentThreadCpuTime();
			long windowDone = run(enricher, articles, TimeUnit.SECONDS.toNanos(measure) / windows, done, checksum);
			bestWindow = Math.min(bestWindow, (THREADS.getCurrentThreadCpuTime() - windowStart) / 1e6 / windowDone);
			done += windowDone;
		}
		double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
		double seconds = (System.nanoTime() - start) / 1e9;
		print(String.format(Locale.ROOT, "%d distinct articles, %.0f words on average (checksum %d)", articles.size(),
				articles.stream().mapToInt((a) -> a[1].split("\\s+").length).average().orElse(0), checksum[0]));
		print(String.format(Locale.ROOT, "%d articles on one thread, load average %.2f at the end", done,
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		print(String.format(Locale.ROOT, "CPU:     %.1f s, %.3f ms per article, %.0f articles per CPU-second",
				cpuSeconds, cpuSeconds * 1000 / done, done / cpuSeconds));
		print(String.format(Locale.ROOT, "CPU, best of %d windows: %.3f ms per article, %.0f articles per CPU-second",
				windows, bestWindow, 1000 / bestWindow));
		print(String.format(Locale.ROOT, "elapsed: %.1f s, %.3f ms per article, %.0f articles/s", seconds,
				seconds * 1000 / done, done / seconds));
		print("per stage, ms per article: CPU, elapsed");
		long articlesDone = done;
		new TreeMap<>(stageNanos).forEach((stage, nanos) -> print(String.format(Locale.ROOT, "  %-12s %.3f  %.3f",
				stage, stageCpuNanos.get(stage).sum() / 1e6 / articlesDone, nanos.sum() / 1e6 / articlesDone)));
	}

	/** Enriches articles from the {@code first}th on, for a given CPU time; how many. */
	private static long run(Enricher enricher, List<String[]> articles, long cpuNanos, long first, long[] checksum) {
		long end = THREADS.getCurrentThreadCpuTime() + cpuNanos;
		long done = 0;
		while (THREADS.getCurrentThreadCpuTime() < end) {
			String[] article = articles.get((int) ((first + done) % articles.size()));
			Enrichment enrichment = enricher.enrich(article[0], article[1], null);
			checksum[0] += enrichment.entities().size() + enrichment.keywords().size();
			done++;
		}
		return done;
	}

	/**
	 * Articles of about {@link #TARGET_WORDS} words: the dev-set paragraphs in a rotating
	 * order, joined as paragraphs, so that each article differs.
	 */
	public static List<String[]> articles() {
		List<String> paragraphs = new ArrayList<>();
		for (String file : List.of("entities.jsonl", "entities-heldout.jsonl", "summaries.jsonl")) {
			for (JsonNode node : read(file)) {
				paragraphs.add(node.get("text").asString());
			}
		}
		List<String[]> articles = new ArrayList<>();
		for (int a = 0; a < 50; a++) {
			StringBuilder text = new StringBuilder();
			int words = 0;
			for (int p = a; words < TARGET_WORDS; p += 7) {
				String paragraph = paragraphs.get(p % paragraphs.size());
				text.append(paragraph).append("\n\n");
				words += paragraph.split("\\s+").length;
			}
			articles.add(new String[] { "Article " + a + " of the benchmark", text.toString().strip() });
		}
		return articles;
	}

	private static List<JsonNode> read(String file) {
		JsonMapper json = JsonMapper.builder().build();
		List<JsonNode> nodes = new ArrayList<>();
		try (InputStream in = ThroughputBenchmark.class.getResourceAsStream("/dev-set/" + file)) {
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					nodes.add(json.readTree(line));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return nodes;
	}

	/**
	 * A stage that also adds the thread CPU time it took; two clock reads per stage, a
	 * few microseconds per article.
	 */
	private record CpuTimed(Analyser stage, Map<String, LongAdder> cpuNanos) implements Analyser {

		@Override
		public String name() {
			return this.stage.name();
		}

		@Override
		public void analyse(Document document) {
			long start = THREADS.getCurrentThreadCpuTime();
			this.stage.analyse(document);
			long nanos = THREADS.getCurrentThreadCpuTime() - start;
			this.cpuNanos.computeIfAbsent(this.stage.name(), (s) -> new LongAdder()).add(nanos);
		}

	}

	@SuppressWarnings("java:S106")
	private static void print(String line) {
		// A command-line report: standard output is its interface.
		System.out.println(line);
	}

}
