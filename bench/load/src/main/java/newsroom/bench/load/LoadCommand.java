package newsroom.bench.load;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import newsroom.bench.pipeline.Console;
import newsroom.bench.pipeline.Watchdog;
import newsroom.bench.pipeline.WorkFolder;
import newsroom.bench.pipeline.report.MachineInfo;
import newsroom.bench.stack.OwnStack;
import org.slf4j.LoggerFactory;

/**
 * The load command ({@code bench/load/run}): starts its own pipeline on free loopback
 * ports with empty data, measures the rate it absorbs, offers ingest ten times that for
 * 60 s with the default rate limits on and 60 s with them off, checks that every accepted
 * article reaches the raw topic and the index once, then searches with 64 concurrent
 * clients for 60 s with the limits on and off. Every request must be answered (the
 * success status, or 429/503 with {@code Retry-After}) and each service's memory must
 * stay bounded. It writes {@code bench/results/load-latest.json}, prints the tables,
 * stops everything it started (also on failure and at its deadline), and exits non-zero
 * unless the run passed.
 */
public final class LoadCommand {

	private static final int LOG_TAIL_LINES = 25;

	private final LoadOptions options;

	private final Console console = new Console();

	private LoadCommand(LoadOptions options) {
		this.options = options;
	}

	public static void main(String[] args) {
		// Logging set up before the broker's and the node's threads race to do it.
		LoggerFactory.getILoggerFactory();
		Path root = Path.of(System.getProperty("newsroom.root", "")).toAbsolutePath();
		if (List.of(args).contains("--help")) {
			System.out.print(LoadOptions.USAGE);
			return;
		}
		LoadOptions options;
		try {
			options = LoadOptions.parse(root, args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage() + "\n" + LoadOptions.USAGE);
			System.exit(2);
			return;
		}
		System.exit(new LoadCommand(options).run());
	}

	private int run() {
		Instant when = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		double loadStart = MachineInfo.loadAverage();
		String runTag = Long.toString(when.getEpochSecond() % 60_466_176L, 36);
		Path work = WorkFolder.create("newsroom-load-" + runTag + "-");
		this.console.log(String.format(Locale.ROOT,
				"Load run: ingest %d s x 2, search %d s x 2 with %d clients; load average %.1f; stops itself after %d min",
				this.options.ingestSeconds().toSeconds(), this.options.searchSeconds().toSeconds(),
				this.options.searchClients(), loadStart, this.options.maxRun().toMinutes()));
		Watchdog.start(this.options.maxRun(), this.console);
		boolean passed = false;
		this.console.log("Starting Kafka, Elasticsearch and the three services (data and logs in " + work + ")");
		// No settings of its own: the services run with their defaults, rate limits on.
		try (OwnStack stack = OwnStack.start(this.options.root(), work, Map.of(), this.console::log)) {
			Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-load-stack"));
			LoadReport report;
			try {
				report = new LoadScenario(this.options, stack, this.console, runTag).run(when, loadStart);
			}
			catch (RuntimeException ex) {
				this.console.log("FAILED: " + ex.getMessage() + "\n" + stack.logTails(LOG_TAIL_LINES));
				return 1;
			}
			Path file = report.write(this.options.root().resolve("bench/results"), this.options.full());
			this.console.log("Wrote " + file + "\n\n" + report.markdown() + "\n");
			passed = report.passed();
			if (!passed) {
				this.console.log(stack.logTails(LOG_TAIL_LINES));
			}
			this.console.log("Stopping the pipeline");
			return passed ? 0 : 1;
		}
		catch (RuntimeException ex) {
			this.console.log("FAILED: " + ex.getMessage());
			return 1;
		}
		finally {
			if (passed && !this.options.keepData()) {
				WorkFolder.delete(work);
			}
			else {
				this.console.log("Data and logs kept in " + work);
			}
		}
	}

}
