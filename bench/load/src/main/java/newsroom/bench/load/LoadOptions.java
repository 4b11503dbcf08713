package newsroom.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a load run does.
 *
 * @param root the repository root
 * @param absorbRate articles a second the pipeline absorbs, given; 0 to measure it
 * @param calibrationArticles articles submitted to measure the absorb rate
 * @param factor the ingest target as a multiple of the absorb rate
 * @param ingestSeconds length of each ingest phase
 * @param searchSeconds length of each search phase
 * @param searchClients concurrent search clients
 * @param maxInFlight ingest requests open at once at most
 * @param requestTimeout how long one request may take before it counts as unanswered
 * @param drainTimeout how long to wait for the index to hold every accepted article
 * @param maxRun the whole run's deadline, start-up and stop included
 * @param seed the corpus
 * @param keepData keep the data and logs folder after a run that passed
 * @param inFlightLimit whether the services keep their in-flight limit (off only to
 * compare)
 */
record LoadOptions(Path root, double absorbRate, int calibrationArticles, double factor, Duration ingestSeconds,
		Duration searchSeconds, int searchClients, int maxInFlight, Duration requestTimeout, Duration drainTimeout,
		Duration maxRun, long seed, boolean keepData, boolean inFlightLimit) {

	private static final long FULL_PHASE_SECONDS = 60;

	private static final int DEFAULT_MAX_IN_FLIGHT = 256;

	static final String USAGE = """
			Usage: bench/load/run [--absorb-rate N] [--ingest-seconds N] [--search-seconds N] [--max-minutes N]
			                      [--seed N] [--keep-data] [--max-in-flight N] [--no-in-flight-limit]
			  (none)               measure the rate the pipeline absorbs (500 articles to warm it up, then 2,000
			                       timed until searchable), then ingest at 10x that for 60 s with the default rate
			                       limits on and 60 s with them off, wait until every accepted article is indexed,
			                       then search with 64 clients for 60 s with the limits on and 60 s off; stops
			                       itself after 75 min
			  --absorb-rate N      skip the measurement: the pipeline absorbs N articles a second
			  --ingest-seconds N   each ingest phase's length (default 60; shorter runs write load-short-latest.json)
			  --search-seconds N   each search phase's length (default 60)
			  --max-minutes N      the deadline for the whole run
			  --seed N             the corpus (default 42)
			  --keep-data          keep the data and logs folder (/var/tmp/newsroom-load-*) after a run that passed
			  --max-in-flight N    the ingest client's bound on open requests (default 256)
			  --no-in-flight-limit start the services without their in-flight limit, to compare
			Runs with other phase lengths or either of the last two write load-short-latest.json.
			""";

	static LoadOptions parse(Path root, String... args) {
		LoadOptions options = new LoadOptions(root, 0, 2_000, 10, Duration.ofSeconds(60), Duration.ofSeconds(60), 64,
				DEFAULT_MAX_IN_FLIGHT, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofMinutes(75), 42,
				false, true);
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if ("--keep-data".equals(option) || "--no-in-flight-limit".equals(option)) {
				options = options.with(option, "");
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			options = options.with(option, args[++i]);
		}
		return options;
	}

	private LoadOptions with(String option, String value) {
		double absorb = this.absorbRate;
		Duration ingest = this.ingestSeconds;
		Duration search = this.searchSeconds;
		Duration max = this.maxRun;
		long corpus = this.seed;
		boolean keep = this.keepData;
		int clientBound = this.maxInFlight;
		boolean limit = this.inFlightLimit;
		switch (option) {
			case "--absorb-rate" -> absorb = positive(option, Double.parseDouble(value));
			case "--ingest-seconds" -> ingest = Duration.ofSeconds((long) positive(option, Long.parseLong(value)));
			case "--search-seconds" -> search = Duration.ofSeconds((long) positive(option, Long.parseLong(value)));
			case "--max-minutes" -> max = Duration.ofMinutes((long) positive(option, Long.parseLong(value)));
			case "--seed" -> corpus = Long.parseLong(value);
			case "--keep-data" -> keep = true;
			case "--max-in-flight" -> clientBound = (int) positive(option, Integer.parseInt(value));
			case "--no-in-flight-limit" -> limit = false;
			default -> throw new IllegalArgumentException("Unknown option " + option);
		}
		return new LoadOptions(this.root, absorb, this.calibrationArticles, this.factor, ingest, search,
				this.searchClients, clientBound, this.requestTimeout, this.drainTimeout, max, corpus, keep, limit);
	}

	private static double positive(String option, double value) {
		if (value <= 0) {
			throw new IllegalArgumentException(option + " must be positive");
		}
		return value;
	}

	/**
	 * Whether the run is the one the issue asks for (phases of 60 s or more, the client's
	 * and the services' bounds as they ship), so the results are the project's figures
	 * ({@code load-latest.json}) rather than a trial's or a comparison's.
	 * @return {@code true} for such a run
	 */
	boolean full() {
		return this.ingestSeconds.toSeconds() >= FULL_PHASE_SECONDS
				&& this.searchSeconds.toSeconds() >= FULL_PHASE_SECONDS && this.maxInFlight == DEFAULT_MAX_IN_FLIGHT
				&& this.inFlightLimit;
	}

	/**
	 * The services' environment: their defaults, unless the in-flight limit is off to
	 * compare.
	 * @return the settings
	 */
	Map<String, String> serviceSettings() {
		return this.inFlightLimit ? Map.of() : Map.of("NEWSROOM_IN_FLIGHT_LIMIT_ENABLED", "false");
	}

}
