package newsroom.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import newsroom.bench.pipeline.report.Report;
import newsroom.bench.stack.StackCommand;

/**
 * A load run's results, as {@code bench/results/load-latest.json} holds them (or
 * {@code load-short-latest.json} for a run with shorter phases), and as the tables the
 * run prints and the READMEs quote.
 *
 * @param when the start of the run
 * @param mode {@code full} (60 s phases) or {@code short}
 * @param passed every phase passed and no accepted article was lost or doubled
 * @param absorb the rate the pipeline absorbs, and how it was found
 * @param targetPerSecond ten times that: the rate ingest is offered with the limit off
 * @param phases the ingest and the search phases, in order
 * @param delivery what became of the accepted articles
 * @param problems why the run failed, in words; empty when it passed
 * @param seconds the whole run, start-up and stop excluded
 * @param settings how the run was set up
 * @param machine the machine and its load
 */
record LoadReport(String when, String mode, boolean passed, Absorb absorb, double targetPerSecond, List<Phase> phases,
		Delivery delivery, List<String> problems, long seconds, Settings settings,
		Report.Machine machine) implements StackCommand.Results {

	LoadReport {
		phases = List.copyOf(phases);
		problems = List.copyOf(problems);
	}

	static LoadReport of(String when, String mode, Absorb absorb, double target, List<Phase> phases, Delivery delivery,
			long seconds, Settings settings, Report.Machine machine) {
		List<String> problems = new ArrayList<>();
		phases.forEach((phase) -> phase.problems().forEach((problem) -> problems.add(phase.name() + ": " + problem)));
		problems.addAll(delivery.problems());
		return new LoadReport(when, mode, problems.isEmpty(), absorb, target, phases, delivery, problems, seconds,
				settings, machine);
	}

	@Override
	public Path write(Path folder) {
		return StackCommand.writeJson(folder, "full".equals(this.mode) ? "load-latest.json" : "load-short-latest.json",
				this);
	}

	/**
	 * The phases and the articles as two Markdown tables.
	 * @return the tables and the verdict
	 */
	@Override
	public String markdown() {
		List<String> lines = new ArrayList<>();
		lines.add("| phase | offered | sent (not sent) | answered by status | 429/503 with Retry-After | unanswered "
				+ "| other 5xx | p50 / p99 | served/s | RSS rest / peak / end (first / last 20 s) | heap peak; live before / after |");
		lines.add("|---|---:|---:|---|---:|---:|---:|---:|---:|---|---:|");
		for (Phase phase : this.phases) {
			String offered = Phase.INGEST.equals(phase.service())
					? String.format(Locale.ROOT, "%,.0f/s open loop", phase.offeredPerSecond())
					: phase.clients() + " clients";
			Memory memory = phase.memory();
			lines.add(String.format(Locale.ROOT,
					"| %s | %s | %,d (%,d) | %s | %,d / %,d | %,d | %,d | %.0f / %.0f ms | %.1f | %.0f / %.0f / %.0f MB (%.0f / %.0f) | %s |",
					phase.name(), offered, phase.sent(), phase.notSent(), statuses(phase), phase.withRetryAfter(),
					phase.refusals(), phase.unanswered(), phase.serverErrors(), phase.p50Millis(), phase.p99Millis(),
					phase.servedPerSecond(), memory.restMb(), memory.peakMb(), memory.endMb(), memory.firstWindowMb(),
					memory.lastWindowMb(), heap(memory)));
		}
		lines.add("");
		lines.add("| accepted (202) | on the raw topic | indexed | lost | doubled | drained in |");
		lines.add("|---:|---:|---:|---:|---:|---:|");
		lines.add(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %.0f s |", this.delivery.accepted(),
				this.delivery.onRawTopic(), this.delivery.indexed(), this.delivery.lost(), this.delivery.doubled(),
				this.delivery.drainSeconds()));
		lines.add("");
		lines.add(String.format(Locale.ROOT, "Absorb rate %.1f articles/s (%s); target %.0f requests/s.",
				this.absorb.perSecond(), this.absorb.how(), this.targetPerSecond));
		lines.add(this.passed ? "PASSED" : "FAILED: " + String.join("; ", this.problems));
		return String.join("\n", lines);
	}

	private static String heap(Memory memory) {
		return String.format(Locale.ROOT, "%s; %s / %s", megabytes(memory.heapPeakMb()),
				megabytes(memory.liveBeforeMb()), megabytes(memory.liveAfterMb()));
	}

	private static String megabytes(double value) {
		return (value >= 0) ? String.format(Locale.ROOT, "%.0f MB", value) : "n/a";
	}

	private static String statuses(Phase phase) {
		return phase.byStatus()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> String.format(Locale.ROOT, "%d: %,d", entry.getKey(), entry.getValue()))
			.collect(Collectors.joining(", "));
	}

	/**
	 * The rate the pipeline absorbs: articles submitted until all are searchable.
	 *
	 * @param perSecond articles a second
	 * @param articles articles the measurement submitted (0 when given)
	 * @param seconds from the first submission until all were searchable
	 * @param how {@code measured} or {@code given}
	 */
	record Absorb(double perSecond, int articles, double seconds, String how) {
	}

	/**
	 * How the run was set up.
	 *
	 * @param seed the corpus
	 * @param factor target over absorb rate
	 * @param maxInFlight ingest requests open at once at most
	 * @param requestTimeoutSeconds a request's timeout
	 * @param searchClients concurrent search clients
	 * @param rateLimitBurst the services' default burst per client
	 * @param rateLimitPerSecond their default steady rate per client
	 * @param serviceInFlightLimit requests a service had open at once at most (0: the
	 * limit was off, to compare)
	 * @param memoryBoundMb the resident memory bound of a service
	 * @param memoryRetainedMb how much more heap a phase may leave alive
	 */
	record Settings(long seed, double factor, int maxInFlight, long requestTimeoutSeconds, int searchClients,
			long rateLimitBurst, long rateLimitPerSecond, int serviceInFlightLimit, double memoryBoundMb,
			double memoryRetainedMb) {
	}

}
