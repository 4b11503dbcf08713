package newsroom.bench.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import newsroom.bench.pipeline.corpus.Corpus;
import newsroom.bench.pipeline.corpus.CorpusSample;
import newsroom.bench.pipeline.load.Elasticsearch;
import newsroom.bench.pipeline.load.Http;
import newsroom.bench.pipeline.load.Ingest;
import newsroom.bench.pipeline.measure.BulkThroughput;
import newsroom.bench.pipeline.measure.EndToEnd;
import newsroom.bench.pipeline.measure.EnrichmentThroughput;
import newsroom.bench.pipeline.measure.Freshness;
import newsroom.bench.pipeline.measure.MemorySampler;
import newsroom.bench.pipeline.measure.SearchThroughput;
import newsroom.bench.pipeline.report.Report;
import newsroom.bench.pipeline.stack.Endpoints;
import newsroom.bench.pipeline.stack.ProcessTable;

/**
 * The phases of one run, in order, on a running pipeline: memory at rest, B, A, then at
 * each index size E (batch, then single submissions) and S, with F after the first size.
 * B runs before anything is indexed so that its documents can feed A.
 */
final class BenchmarkRun {

	static final int SEARCH_CLIENTS = 16;

	static final int SINGLE_CLIENTS = 4;

	/**
	 * Time between F's polls. At 50 ms the polls (two searches each, with highlights)
	 * took about a quarter of the machine's CPU while F ran, and so slowed what they
	 * timed; at 100 ms a time is still exact to a tenth of a second.
	 */
	static final Duration FRESHNESS_POLL = Duration.ofMillis(100);

	private static final String ALIAS = "news";

	private static final Duration REST = Duration.ofSeconds(5);

	private static final Duration STALL_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration FRESHNESS_MAX_WAIT = Duration.ofSeconds(60);

	private final Options options;

	private final Console console;

	private final Http http;

	private final Endpoints endpoints;

	private final Elasticsearch elasticsearch;

	private final Ingest ingest;

	private final Corpus corpus;

	private final Path work;

	private final Results results = new Results();

	private PhaseTimer timer;

	/** The next corpus article no phase has submitted yet. */
	private int nextArticle;

	/** The latest end-to-end rate, for estimates of the time left. */
	private double lastRate;

	BenchmarkRun(Options options, Console console, Http http, Endpoints endpoints, Corpus corpus, Path work) {
		this.options = options;
		this.console = console;
		this.http = http;
		this.endpoints = endpoints;
		this.elasticsearch = new Elasticsearch(http, endpoints.elasticsearch());
		this.ingest = new Ingest(http, endpoints.ingest());
		this.corpus = corpus;
		this.work = work;
	}

	Results measure() {
		ProcessTable processes = ProcessTable.discover(this.endpoints);
		this.console.log("Processes: " + processes.pids());
		try (MemorySampler memory = MemorySampler.start(processes)) {
			this.timer = new PhaseTimer(processes, memory);
			this.results.rest = this.timer.run("rest", () -> memory.rest(REST));
			Elasticsearch.IndexSettings live = this.elasticsearch.settings(ALIAS);
			this.results.refreshIntervalMillis = live.refreshIntervalMillis();
			this.results.sample = CorpusSample.of(this.corpus, 1000);
			enrichmentAlone();
			elasticsearchAlone(live);
			warmPipeline();
			for (int size : this.options.sizes()) {
				this.results.growth.put(Integer.toString(size), growTo(size));
				if (this.results.freshness == null) {
					this.results.freshness = this.timer.run("F freshness", this::freshness);
				}
			}
			this.results.nearDuplicates = this.elasticsearch.searchableCount(ALIAS,
					"{\"exists\":{\"field\":\"duplicateOf\"}}");
			this.results.peaks = memory.peaks();
		}
		this.results.phases = this.timer.phases();
		return this.results;
	}

	private void enrichmentAlone() {
		int threads = Runtime.getRuntime().availableProcessors();
		// Enough distinct articles that the first pass is never over within the warm-up.
		int distinct = "quick".equals(this.options.mode()) ? 1000 : 4000;
		this.results.enrichment = this.timer.run("B enrich in process", () -> EnrichmentThroughput.run(this.corpus,
				distinct, threads, this.options.warmup(), this.options.phase(), this.console::log));
		this.console.log(String.format(Locale.ROOT, "B: %.1f articles/s on %d threads",
				this.results.enrichment.articlesPerSecond(), threads));
	}

	private void elasticsearchAlone(Elasticsearch.IndexSettings live) {
		this.results.bulk = this.timer.run("A elasticsearch alone", () -> BulkThroughput.run(this.elasticsearch, live,
				this.results.enrichment.documents(), this.options.warmup(), this.options.phase(), this.console::log));
		double ideal = this.results.ideal();
		int total = this.options.sizes().get(this.options.sizes().size() - 1);
		this.console.log(String.format(Locale.ROOT,
				"A: %,.0f docs/s. Best possible end to end: 1/(1/A+1/B) = %.1f articles/s, so the E phases "
						+ "(%,d articles) take at least %.1f min; expect more",
				this.results.bulk.documentsPerSecond(), ideal, total, total / ideal / 60));
	}

	/**
	 * B and A ran with a warm-up; the pipeline gets one too, articles that it indexes
	 * before E is timed, so that E measures its services' compiled code, not their JIT.
	 * As much work as B's warm-up of a full run (10 s on two threads, some 4,000
	 * articles): after 1,000, enrich-service still spent 11 ms of CPU per article over
	 * the next 9,000 and 6.6 ms over the 7,000 after those. Split as E splits its
	 * articles, three quarters in batches and the rest one per request, so that both of
	 * ingest's paths are compiled: with batches only, the first single submissions ran
	 * cold (ingest-service 4.4 ms of CPU per article at 10,000, 0.9 at 100,000). The
	 * articles stay and count towards the first index size.
	 */
	private void warmPipeline() {
		int articles = Math.min(this.options.sizes().get(0) * 2 / 5, "quick".equals(this.options.mode()) ? 200 : 4000);
		int singles = articles / 4;
		int batched = articles - singles;
		Path batchFile = corpusFile("pipeline-warm-up-batch", batched);
		Path singleFile = corpusFile("pipeline-warm-up-single", singles);
		EndToEnd e2e = new EndToEnd(this.ingest, this.elasticsearch, this.console::log, STALL_TIMEOUT);
		EndToEnd.Throughput warm = this.timer.run("pipeline warm-up", () -> {
			EndToEnd.Throughput batch = e2e.batch("warm-up", batchFile, batched);
			e2e.singles("warm-up", singleFile, singles, SINGLE_CLIENTS);
			return batch;
		});
		this.console.log(String.format(Locale.ROOT,
				"Pipeline warm-up: %,d articles in batches searchable at %.1f/s, then %,d one per request (not counted)",
				batched, warm.perSecond(), singles));
		this.lastRate = warm.perSecond();
	}

	private Report.Growth growTo(int size) {
		long inIndex = this.elasticsearch.searchableCount(ALIAS);
		int missing = (int) Math.max(0, size - inIndex);
		int singles = missing / 4;
		int batched = missing - singles;
		EndToEnd e2e = new EndToEnd(this.ingest, this.elasticsearch, this.console::log, STALL_TIMEOUT);
		EndToEnd.Throughput batch = null;
		EndToEnd.Throughput single = null;
		if (missing > 0 && this.lastRate > 0) {
			this.console.log(String.format(Locale.ROOT,
					"Growing the index to %,d: about %.1f min at the last rate measured (%.1f articles/s)", size,
					missing / this.lastRate / 60, this.lastRate));
		}
		if (batched > 0) {
			Path file = corpusFile("batch-to-" + size, batched);
			this.console.log(String.format(Locale.ROOT, "E: %,d articles as NDJSON batches (index: %,d → %,d)", batched,
					inIndex, inIndex + batched));
			batch = this.timer.run("E batch to " + size, () -> e2e.batch("E batch", file, batched));
			this.console.log(String.format(Locale.ROOT, "E batch: %.1f articles/s", batch.perSecond()));
			this.lastRate = batch.perSecond();
		}
		if (singles > 0) {
			Path file = corpusFile("single-to-" + size, singles);
			this.console.log(
					String.format(Locale.ROOT, "E: %,d articles one per request, %d clients", singles, SINGLE_CLIENTS));
			single = this.timer.run("E single to " + size,
					() -> e2e.singles("E single", file, singles, SINGLE_CLIENTS));
			this.console.log(String.format(Locale.ROOT, "E single: %.1f articles/s", single.perSecond()));
		}
		long articles = this.elasticsearch.searchableCount(ALIAS);
		this.console.log(String.format(Locale.ROOT, "S at %,d articles", articles));
		SearchThroughput search = new SearchThroughput(this.http, this.endpoints.search(), this.elasticsearch,
				this.corpus.searchTerms(64));
		SearchThroughput.Result s = this.timer.run("S at " + size,
				() -> search.run(SEARCH_CLIENTS, this.options.warmup(), this.options.phase(), this.console::log));
		this.console.log(String.format(Locale.ROOT,
				"S: service p50 %.0f ms p99 %.0f ms %.1f q/s; direct p50 %.0f ms p99 %.0f ms %.1f q/s",
				s.service().p50Millis(), s.service().p99Millis(), s.service().queriesPerSecond(),
				s.direct().p50Millis(), s.direct().p99Millis(), s.direct().queriesPerSecond()));
		long bytes = this.elasticsearch.storeStats(ALIAS).bytes();
		return ReportAssembly.growth(articles, batch, single, s, bytes, this.results.ideal());
	}

	private Freshness.Result freshness() {
		int warmup = (int) Math.round(this.options.rate() * this.options.warmup().toSeconds());
		int count = warmup + (int) Math.round(this.options.rate() * this.options.freshness().toSeconds());
		List<Freshness.Submission> submissions = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			var article = this.corpus.article(this.nextArticle++);
			submissions.add(new Freshness.Submission(article.token(), Ingest.json(article)));
		}
		Freshness.Result result = new Freshness(this.ingest, this.http, this.endpoints.search()).run(submissions,
				warmup, this.options.rate(), FRESHNESS_POLL, FRESHNESS_MAX_WAIT, this.console::log);
		this.console.log(String.format(Locale.ROOT, "F: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (%d of %d found)",
				result.latency().p50(), result.latency().p95(), result.latency().p99(), result.found(),
				result.submitted()));
		Freshness.Stages stages = result.stages();
		this.console.log(String.format(Locale.ROOT,
				"F by stage, p50 / p99 ms: ingest %.0f / %.0f, enrich %.0f / %.0f, (ingest to indexed %.0f / %.0f), "
						+ "until searchable %.0f / %.0f; slowest 1 %% on average %d / %d / %d",
				stages.ingest().p50(), stages.ingest().p99(), stages.enrich().p50(), stages.enrich().p99(),
				stages.indexed().p50(), stages.indexed().p99(), stages.searchable().p50(), stages.searchable().p99(),
				stages.slowestHundredth().ingest(), stages.slowestHundredth().enrich(),
				stages.slowestHundredth().searchable()));
		return result;
	}

	/**
	 * Write the next articles of the corpus to a file before the phase that sends them.
	 */
	private Path corpusFile(String name, int articles) {
		Path file = this.work.resolve(name + ".ndjson");
		long start = System.nanoTime();
		Ingest.write(this.corpus, this.nextArticle, this.nextArticle + articles, file);
		this.nextArticle += articles;
		this.console.log(String.format(Locale.ROOT, "Corpus: %,d articles written to %s in %.1f s", articles,
				file.getFileName(), (System.nanoTime() - start) / 1e9));
		return file;
	}

	/** What the phases found, for {@link ReportAssembly}. */
	static final class Results {

		Map<String, Double> rest;

		Map<String, MemorySampler.Peak> peaks;

		long refreshIntervalMillis;

		CorpusSample sample;

		EnrichmentThroughput.Result enrichment;

		BulkThroughput.Result bulk;

		final Map<String, Report.Growth> growth = new LinkedHashMap<>();

		Freshness.Result freshness;

		long nearDuplicates;

		List<Report.Phase> phases;

		/** The best end-to-end rate if A's and B's work shared the machine perfectly. */
		double ideal() {
			return 1 / (1 / this.bulk.documentsPerSecond() + 1 / this.enrichment.articlesPerSecond());
		}

	}

}
