package newsroom.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a chaos run does: how many articles, over how long, which faults, and when it
 * gives up.
 *
 * @param root the repository root
 * @param mode {@code full} or {@code small}
 * @param articles articles submitted through ingest
 * @param submitPeriod how long the submissions are spread over; the faults fall inside it
 * @param faults the faults, in the order they are injected
 * @param maxRun the whole run's deadline, start-up and stop included
 * @param seed the corpus
 * @param keepData keep the data and logs folder after a run that passed
 */
record ChaosOptions(Path root, String mode, int articles, Duration submitPeriod, List<Fault> faults, Duration maxRun,
		long seed, boolean keepData) {

	static final String USAGE = """
			Usage: bench/chaos/run [--small] [--seed N] [--max-minutes N] [--keep-data]
			  (none)            10,000 articles; SIGKILL enrich, SIGKILL search, Elasticsearch stopped 20 s,
			                    Kafka broker down 15 s, poison records on both topics; stops itself after 30 min
			  --small           1,000 articles; SIGKILL enrich, Elasticsearch stopped 20 s, poison records;
			                    stops itself after 15 min (what .ci/run runs)
			  --seed N          the corpus (default 42)
			  --max-minutes N   the deadline for the whole run
			  --keep-data       keep the data and logs folder (/var/tmp/newsroom-chaos-*) after a run that passed
			""";

	/**
	 * The full run's faults, in the order, at these fractions of the submissions.
	 */
	private static final List<Fault> FULL = List.of(new Fault(Fault.Kind.KILL_ENRICH, 0.10),
			new Fault(Fault.Kind.KILL_SEARCH, 0.25), new Fault(Fault.Kind.STOP_ELASTICSEARCH, 0.40),
			new Fault(Fault.Kind.RESTART_KAFKA, 0.60), new Fault(Fault.Kind.POISON, 0.80));

	/** Two faults and the poison records, for CI. */
	private static final List<Fault> SMALL = List.of(new Fault(Fault.Kind.KILL_ENRICH, 0.20),
			new Fault(Fault.Kind.STOP_ELASTICSEARCH, 0.45), new Fault(Fault.Kind.POISON, 0.75));

	static ChaosOptions parse(Path root, String... args) {
		boolean small = List.of(args).contains("--small");
		ChaosOptions options = small
				? new ChaosOptions(root, "small", 1_000, Duration.ofSeconds(60), SMALL, Duration.ofMinutes(15), 42,
						false)
				: new ChaosOptions(root, "full", 10_000, Duration.ofSeconds(300), FULL, Duration.ofMinutes(30), 42,
						false);
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--small" -> {
				}
				case "--keep-data" -> options = options.withKeepData();
				case "--seed" -> options = options.withSeed(Long.parseLong(value(args, ++i)));
				case "--max-minutes" ->
					options = options.withMaxRun(Duration.ofMinutes(Long.parseLong(value(args, ++i))));
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		return options;
	}

	private static String value(String[] args, int i) {
		if (i >= args.length) {
			throw new IllegalArgumentException(args[i - 1] + " needs a value");
		}
		return args[i];
	}

	private ChaosOptions withKeepData() {
		return new ChaosOptions(this.root, this.mode, this.articles, this.submitPeriod, this.faults, this.maxRun,
				this.seed, true);
	}

	private ChaosOptions withSeed(long seed) {
		return new ChaosOptions(this.root, this.mode, this.articles, this.submitPeriod, this.faults, this.maxRun, seed,
				this.keepData);
	}

	private ChaosOptions withMaxRun(Duration maxRun) {
		return new ChaosOptions(this.root, this.mode, this.articles, this.submitPeriod, this.faults, maxRun, this.seed,
				this.keepData);
	}

}
