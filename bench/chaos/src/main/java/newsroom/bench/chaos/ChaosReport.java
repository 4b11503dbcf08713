package newsroom.bench.chaos;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import newsroom.bench.pipeline.report.Report;
import newsroom.bench.stack.IndexContents;
import newsroom.bench.stack.StackCommand;

/**
 * A chaos run's results, as {@code bench/results/chaos-latest.json} (full run) or
 * {@code chaos-small-latest.json} ({@code --small}) holds them, and as the table the run
 * prints.
 *
 * @param when the start of the run
 * @param mode {@code full} or {@code small}
 * @param passed nothing lost, nothing doubled, nothing unexpected, exactly the injected
 * dead letters
 * @param articles articles the run set out to submit
 * @param submitted articles ingest took (answered with an id)
 * @param submittedBatch of those, in NDJSON batches
 * @param submittedSingle of those, one per request
 * @param submitRetries requests sent again because ingest did not take them (503, no
 * answer)
 * @param indexed submitted ids found in the index
 * @param indexDocuments the index's document count
 * @param lost submitted ids not in the index
 * @param doubled ids with more than one raw or enriched record, plus documents beyond the
 * distinct ids
 * @param unexpected ids nobody submitted, on the topics or in the index
 * @param faults what was injected, when, and how long it took
 * @param deadLetters per dead-letter topic, what was injected and what arrived
 * @param raw the raw topic
 * @param enriched the enriched topic
 * @param lostIds the first lost ids
 * @param doubledIds the first doubled ids
 * @param problems why the run failed, in words
 * @param seconds the whole run's time, start-up and stop excluded
 * @param settings how the run was set up
 * @param machine the machine and its load
 */
record ChaosReport(String when, String mode, boolean passed, int articles, int submitted, int submittedBatch,
		int submittedSingle, int submitRetries, long indexed, long indexDocuments, long lost, long doubled,
		long unexpected, List<FaultRecord> faults, Map<String, Verdict.DeadLetters> deadLetters, Verdict.Stage raw,
		Verdict.Stage enriched, List<String> lostIds, List<String> doubledIds, List<String> problems, long seconds,
		Settings settings, Report.Machine machine) implements StackCommand.Results {

	private static final int LISTED_IDS = 50;

	static ChaosReport of(ChaosOptions options, Instant when, Submitter.Submission submission, IndexContents index,
			List<FaultRecord> faults, Verdict verdict, long seconds, Report.Machine machine) {
		List<String> problems = new ArrayList<>(verdict.problems());
		if (submission.submitted() != options.articles()) {
			problems.add(0, "ingest took " + submission.submitted() + " of " + options.articles() + " articles");
		}
		if (!submission.rejected().isEmpty()) {
			problems.add(0, "ingest rejected articles: " + submission.rejected());
		}
		return new ChaosReport(when.toString(), options.mode(), problems.isEmpty(), options.articles(),
				submission.submitted(), submission.batch(), submission.single(), submission.retries(),
				submission.ids().size() - verdict.lost().size(), index.count(), verdict.lost().size(),
				verdict.doubled().size() + verdict.extraDocuments(), verdict.unexpected().size(), faults,
				verdict.deadLetters(), verdict.raw(), verdict.enriched(), first(verdict.lost()),
				first(verdict.doubled()), problems, seconds, new Settings(options.seed(),
						options.submitPeriod().toSeconds(), Submitter.BATCH_SIZE, Submitter.SINGLE_CLIENTS),
				machine);
	}

	private static List<String> first(List<String> ids) {
		return ids.subList(0, Math.min(LISTED_IDS, ids.size()));
	}

	/**
	 * Write the JSON file of this mode.
	 * @param folder {@code bench/results}
	 * @return the file written
	 */
	@Override
	public Path write(Path folder) {
		return StackCommand.writeJson(folder,
				"full".equals(this.mode) ? "chaos-latest.json" : "chaos-" + this.mode + "-latest.json", this);
	}

	/**
	 * The faults and the outcome as two Markdown tables, as the READMEs quote them.
	 * @return the tables
	 */
	@Override
	public String markdown() {
		List<String> lines = new ArrayList<>();
		lines.add("| fault injected | at | submitted / indexed then | back after | what happened |");
		lines.add("|---|---:|---:|---:|---|");
		for (FaultRecord fault : this.faults) {
			lines.add(String.format(Locale.ROOT, "| %s | %d s | %,d / %,d | %.1f s | %s |", fault.what(),
					fault.afterSeconds(), fault.submittedBefore(), fault.indexedBefore(), fault.tookSeconds(),
					fault.detail()));
		}
		lines.add("");
		lines.add("| articles submitted | indexed | lost | doubled | dead letters (injected / found) |");
		lines.add("|---:|---:|---:|---:|---|");
		List<String> letters = new ArrayList<>();
		this.deadLetters.forEach((topic, dead) -> letters
			.add(String.format(Locale.ROOT, "`%s` %d / %d", topic, dead.expected().size(), dead.foundCount())));
		lines.add(String.format(Locale.ROOT, "| %,d (%,d in batches, %,d one by one) | %,d | %d | %d | %s |",
				this.submitted, this.submittedBatch, this.submittedSingle, this.indexed, this.lost, this.doubled,
				String.join(", ", letters)));
		lines.add("");
		lines.add(this.passed ? "PASSED" : "FAILED: " + String.join("; ", this.problems));
		return String.join("\n", lines);
	}

	/**
	 * One fault as it happened.
	 *
	 * @param what the fault
	 * @param at when it began
	 * @param afterSeconds seconds after the first submission
	 * @param tookSeconds until the pipeline had its part back (healthy, started)
	 * @param submittedBefore articles ingest had taken when it struck
	 * @param indexedBefore articles the index counted when it struck (-1: could not say)
	 * @param detail what was done
	 */
	record FaultRecord(String what, String at, long afterSeconds, double tookSeconds, int submittedBefore,
			long indexedBefore, String detail) {
	}

	/**
	 * How the run was set up.
	 *
	 * @param seed the corpus
	 * @param submitPeriodSeconds how long the submissions were spread over
	 * @param batchSize articles per batch request
	 * @param singleClients concurrent clients submitting one article per request
	 */
	record Settings(long seed, long submitPeriodSeconds, int batchSize, int singleClients) {
	}

}
