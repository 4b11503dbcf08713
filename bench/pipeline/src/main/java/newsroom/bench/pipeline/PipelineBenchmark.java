package newsroom.bench.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import newsroom.bench.pipeline.corpus.Corpus;
import newsroom.bench.pipeline.load.Http;
import newsroom.bench.pipeline.report.MachineInfo;
import newsroom.bench.pipeline.report.Report;
import newsroom.bench.pipeline.report.ReportWriter;
import newsroom.bench.pipeline.stack.Endpoints;
import newsroom.bench.pipeline.stack.Stack;

/**
 * The pipeline benchmark ({@code bench/pipeline/run}): starts the local stack (or uses
 * the servers already running), measures Elasticsearch alone, enrichment alone, the
 * pipeline end to end, freshness, search and growth, with every process's memory, writes
 * {@code bench/results/}, and stops what it started, also when it fails or runs out of
 * time.
 */
public final class PipelineBenchmark {

	private final Options options;

	private final Console console = new Console();

	private final Http http = new Http();

	private PipelineBenchmark(Options options) {
		this.options = options;
	}

	public static void main(String[] args) {
		CommandLine.main(args, Options.USAGE, Options::parse, (options) -> new PipelineBenchmark(options).run());
	}

	private int run() {
		Instant when = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		double loadStart = MachineInfo.loadAverage();
		// Five base-36 digits of the start time: unique enough between runs on one
		// pipeline.
		String runTag = Long.toString(when.getEpochSecond() % 60_466_176L, 36);
		Path work = WorkFolder.create("newsroom-bench-" + runTag + "-");
		this.console.log(plan(loadStart));
		Watchdog.start(this.options.maxRun(), this.console);
		boolean succeeded = false;
		try (Stack stack = this.options.external() ? Stack.external(Endpoints.LOCAL, this.http)
				: Stack.startLocal(this.options.root(), work.resolve("stack"), this.console::log)) {
			Thread stopOnExit = new Thread(stack::close, "stop-stack");
			Runtime.getRuntime().addShutdownHook(stopOnExit);
			this.console.log("Pipeline up (" + stack.kind() + ")");
			Corpus corpus = new Corpus(this.options.seed(), runTag);
			BenchmarkRun.Results results = new BenchmarkRun(this.options, this.console, this.http, stack.endpoints(),
					corpus, work)
				.measure();
			this.console.log("local".equals(stack.kind()) ? "Measured; stopping the local stack" : "Measured");
			Report report = ReportAssembly.report(this.options, results, MachineInfo.describe(loadStart),
					when.toString(), stack.kind());
			List<Path> files = ReportWriter.write(report, this.options.root().resolve("bench/results"));
			this.console.log("Wrote " + files + "\n\n" + ReportWriter.markdown(report));
			succeeded = true;
			return 0;
		}
		catch (RuntimeException ex) {
			this.console.log("FAILED: " + ex.getMessage());
			this.console.log("Logs kept in " + work);
			return 1;
		}
		finally {
			if (succeeded && !this.options.keepData()) {
				WorkFolder.delete(work);
			}
		}
	}

	private String plan(double load) {
		List<Integer> sizes = this.options.sizes();
		long phase = this.options.warmup().toSeconds() + this.options.phase().toSeconds();
		// Start-up, models and stopping; B and A; S twice per size; F and its backlog.
		long fixed = 90 + 2 * phase + sizes.size() * 2L * phase + this.options.freshness().toSeconds() + 30;
		// 100 articles/s end to end is a guess for this 2-core machine when idle; the
		// run prints better estimates as it measures.
		double pipeline = sizes.get(sizes.size() - 1) / 100.0;
		return String.format(Locale.ROOT,
				"Pipeline benchmark, %s run: index sizes %s, %d s phases, seed %d. Roughly %.0f min on an idle "
						+ "machine (load average now %.1f: more when others share it); stops itself after %d min",
				this.options.mode(), sizes, this.options.phase().toSeconds(), this.options.seed(),
				(fixed + pipeline) / 60, load, this.options.maxRun().toMinutes());
	}

}
