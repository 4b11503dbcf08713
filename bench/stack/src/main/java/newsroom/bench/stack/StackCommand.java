package newsroom.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

import newsroom.bench.pipeline.Console;
import newsroom.bench.pipeline.Watchdog;
import newsroom.bench.pipeline.WorkFolder;
import newsroom.bench.pipeline.report.MachineInfo;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The frame of a command that runs on a pipeline of its own (the chaos and the load
 * runs): a run tag and a work folder, the deadline, the stack started and stopped in
 * every case (from the shutdown hook too, when the deadline ends the JVM), the results
 * written and printed, the folder deleted after a pass unless kept, and the exit code: 0
 * passed, 1 failed, 3 out of time.
 */
public final class StackCommand {

	private static final int LOG_TAIL_LINES = 25;

	private static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	private StackCommand() {
	}

	/**
	 * Run a scenario on a stack of its own.
	 * @param setup what to start and when to give up
	 * @param console where progress goes
	 * @param scenario what to do on the stack
	 * @return the exit code
	 */
	public static int run(Setup setup, Console console, Scenario scenario) {
		Instant when = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		double loadStart = MachineInfo.loadAverage();
		// Five base-36 digits of the start time: unique enough between runs.
		String tag = Long.toString(when.getEpochSecond() % 60_466_176L, 36);
		Path work = WorkFolder.create("newsroom-" + setup.name() + "-" + tag + "-");
		console.log(String.format(Locale.ROOT, "Load average %.1f; stops itself after %d min", loadStart,
				setup.maxRun().toMinutes()));
		Watchdog.start(setup.maxRun(), console);
		boolean passed = false;
		console.log("Starting Kafka, Elasticsearch and the three services (data and logs in " + work + ")");
		try (OwnStack stack = OwnStack.start(setup.root(), work, setup.settings(), console::log)) {
			Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-" + setup.name() + "-stack"));
			Results results;
			try {
				results = scenario.run(stack, new Run(when, tag, loadStart));
			}
			catch (RuntimeException ex) {
				// CI shows only this output: say where the services were when it failed.
				console.log("FAILED: " + ex.getMessage() + "\n" + stack.logTails(LOG_TAIL_LINES));
				return 1;
			}
			Path file = results.write(setup.root().resolve("bench/results"));
			console.log("Wrote " + file + "\n\n" + results.markdown() + "\n");
			passed = results.passed();
			if (!passed) {
				console.log(stack.logTails(LOG_TAIL_LINES));
			}
			console.log("Stopping the pipeline");
			return passed ? 0 : 1;
		}
		catch (RuntimeException ex) {
			console.log("FAILED: " + ex.getMessage());
			return 1;
		}
		finally {
			if (passed && !setup.keepData()) {
				WorkFolder.delete(work);
			}
			else {
				console.log("Data and logs kept in " + work);
			}
		}
	}

	/**
	 * Write results as pretty JSON with snake_case names, as {@code bench/results} holds
	 * them.
	 * @param folder {@code bench/results}
	 * @param name the file's name
	 * @param results a record
	 * @return the file written
	 */
	public static Path writeJson(Path folder, String name, Object results) {
		Path file = folder.resolve(name);
		try {
			Files.createDirectories(folder);
			Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * What to start, and when to give up.
	 *
	 * @param name the command's name, in the work folder's name ({@code chaos},
	 * {@code load})
	 * @param root the repository root
	 * @param settings environment of every service
	 * @param maxRun the whole run's deadline, start-up and stop included
	 * @param keepData keep the data and logs folder after a run that passed
	 */
	public record Setup(String name, Path root, Map<String, String> settings, Duration maxRun, boolean keepData) {

		public Setup {
			settings = Map.copyOf(settings);
		}

	}

	/**
	 * The run a scenario belongs to.
	 *
	 * @param when its start
	 * @param tag a few letters and digits unique to it, for ids and URLs
	 * @param loadStart the load average at its start
	 */
	public record Run(Instant when, String tag, double loadStart) {
	}

	/** What a command does on its stack. */
	@FunctionalInterface
	public interface Scenario {

		/**
		 * Run it.
		 * @param stack the started stack
		 * @param run the run
		 * @return the results
		 * @throws RuntimeException when it cannot go on; the services' logs are printed
		 */
		Results run(OwnStack stack, Run run);

	}

	/** A scenario's results. */
	public interface Results {

		/**
		 * Write the results file.
		 * @param folder {@code bench/results}
		 * @return the file written
		 */
		Path write(Path folder);

		/**
		 * @return the tables the run prints and the READMEs quote
		 */
		String markdown();

		/**
		 * @return whether the run passed
		 */
		boolean passed();

	}

}
