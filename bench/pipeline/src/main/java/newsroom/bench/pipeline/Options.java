package newsroom.bench.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The command's options. A full run is the default; {@code --quick} scales it down; any
 * other size or time makes a {@code custom} run, reported under that name.
 *
 * @param root the repository root
 * @param mode {@code full}, {@code quick} or {@code custom}
 * @param external benchmark servers already running instead of starting the local stack
 * @param keepData keep the run's folder (the stack's data and logs, the corpus files)
 * @param sizes index sizes at which E and S are measured, ascending
 * @param phase measured time of A, B and S
 * @param warmup unmeasured time before each of them
 * @param freshness how long F submits
 * @param rate F's articles per second
 * @param seed the corpus seed
 * @param maxRun the run stops, and stops everything it started, after this long
 */
record Options(Path root, String mode, boolean external, boolean keepData, List<Integer> sizes, Duration phase,
		Duration warmup, Duration freshness, double rate, long seed, Duration maxRun) {

	static final String USAGE = """
			Usage: bench/pipeline/run [options]
			  --quick               1,000 and 3,000 articles, 20 s phases (5-10 minutes)
			                        (default: the full run, 10,000 and 100,000 articles, 60 s phases, 30-45 minutes)
			  --sizes N,M,...       index sizes at which E and S are measured
			  --phase-seconds N     measured time of A, B and S (default 60, quick 20)
			  --warmup-seconds N    unmeasured time before each (default 10, quick 5)
			  --freshness-seconds N how long F submits at its rate (default 60, quick 20)
			  --rate N              F's articles per second (default 50)
			  --seed N              corpus seed (default 42)
			  --external            benchmark the servers already on 127.0.0.1 (8081-8083, 9092, 9200)
			                        instead of starting the local stack; they are left running
			  --keep-data           keep the run's folder under /var/tmp (data, logs, corpus files)
			  --max-minutes N       stop everything after N minutes (default 300, quick 60)
			""";

	static Options parse(Path root, String[] args) {
		List<String> list = Arrays.asList(args);
		boolean quick = list.contains("--quick");
		String mode = quick ? "quick" : "full";
		boolean external = false;
		boolean keepData = false;
		List<Integer> sizes = quick ? List.of(1_000, 3_000) : List.of(10_000, 100_000);
		long phase = quick ? 20 : 60;
		long warmup = quick ? 5 : 10;
		long freshness = quick ? 20 : 60;
		double rate = 50;
		long seed = 42;
		long maxMinutes = quick ? 60 : 300;
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			switch (option) {
				case "--quick" -> {
				}
				case "--external" -> external = true;
				case "--keep-data" -> keepData = true;
				case "--sizes" -> sizes = Arrays.stream(value(args, ++i, option).split(","))
					.map((size) -> Integer.parseInt(size.strip()))
					.sorted()
					.toList();
				case "--phase-seconds" -> phase = number(args, ++i, option);
				case "--warmup-seconds" -> warmup = number(args, ++i, option);
				case "--freshness-seconds" -> freshness = number(args, ++i, option);
				case "--rate" -> rate = number(args, ++i, option);
				case "--seed" -> seed = number(args, ++i, option);
				case "--max-minutes" -> maxMinutes = number(args, ++i, option);
				default -> throw new IllegalArgumentException("Unknown option " + option);
			}
			if (option.startsWith("--")
					&& !List.of("--quick", "--external", "--keep-data", "--max-minutes", "--seed").contains(option)) {
				mode = "custom";
			}
		}
		if (sizes.isEmpty() || sizes.get(0) < 100) {
			throw new IllegalArgumentException("--sizes needs sizes of 100 articles or more");
		}
		return new Options(root, mode, external, keepData, sizes, Duration.ofSeconds(phase), Duration.ofSeconds(warmup),
				Duration.ofSeconds(freshness), rate, seed, Duration.ofMinutes(maxMinutes));
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

	private static long number(String[] args, int index, String option) {
		try {
			return Long.parseLong(value(args, index, option));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " needs a whole number, not " + args[index]);
		}
	}

}
