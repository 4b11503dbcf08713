package newsroom.bench.load;

import java.util.Locale;

import newsroom.bench.pipeline.CommandLine;
import newsroom.bench.pipeline.Console;
import newsroom.bench.stack.StackCommand;
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

	private LoadCommand() {
	}

	public static void main(String[] args) {
		// Logging set up before the broker's and the node's threads race to do it.
		LoggerFactory.getILoggerFactory();
		CommandLine.main(args, LoadOptions.USAGE, LoadOptions::parse, LoadCommand::run);
	}

	private static int run(LoadOptions options) {
		Console console = new Console();
		console.log(String.format(Locale.ROOT, "Load run: ingest %d s x 2, search %d s x 2 with %d clients",
				options.ingestSeconds().toSeconds(), options.searchSeconds().toSeconds(), options.searchClients()));
		// The services run with their defaults, the limits on (unless asked to compare).
		StackCommand.Setup setup = new StackCommand.Setup("load", options.root(), options.serviceSettings(),
				options.maxRun(), options.keepData());
		return StackCommand.run(setup, console,
				(stack, run) -> new LoadScenario(options, stack, console, run.tag()).run(run.when(), run.loadStart()));
	}

}
