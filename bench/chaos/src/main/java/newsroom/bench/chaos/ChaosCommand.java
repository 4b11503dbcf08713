package newsroom.bench.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import newsroom.bench.chaos.ChaosReport.FaultRecord;
import newsroom.bench.pipeline.CommandLine;
import newsroom.bench.pipeline.Console;
import newsroom.bench.pipeline.corpus.Corpus;
import newsroom.bench.pipeline.load.Elasticsearch;
import newsroom.bench.pipeline.load.Http;
import newsroom.bench.pipeline.load.Ingest;
import newsroom.bench.pipeline.load.Pause;
import newsroom.bench.pipeline.report.MachineInfo;
import newsroom.bench.stack.IndexContents;
import newsroom.bench.stack.OwnStack;
import newsroom.bench.stack.OwnStack.Service;
import newsroom.bench.stack.StackCommand;
import newsroom.bench.stack.TopicCounts;
import newsroom.events.Topics;
import org.slf4j.LoggerFactory;

/**
 * The chaos command ({@code bench/chaos/run}): starts its own pipeline on free loopback
 * ports with empty data, submits articles through ingest (batches and single requests)
 * while it kills and restarts services, stops Elasticsearch, restarts the broker and
 * injects poison records, then checks that the index holds every submitted article once,
 * that the enriched topic holds one record per raw record, and that the dead-letter
 * topics hold exactly the poison. It writes {@code bench/results/chaos-*.json}, prints
 * the table, stops everything it started (also on failure and at its deadline), and exits
 * non-zero unless the run passed.
 */
public final class ChaosCommand {

	private static final List<String> DEAD_LETTER_TOPICS = List.of(Topics.RAW_DLT, Topics.ENRICHED_DLT);

	/**
	 * A stable transactional id prefix, as an operator sets it: the restarted enricher
	 * fences its killed predecessor and aborts its open transaction at once.
	 */
	private static final Map<String, String> SERVICE_SETTINGS = Map.of("NEWSROOM_ENRICH_TRANSACTION_ID_PREFIX",
			"chaos-enrich-");

	private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

	private static final Duration POLL = Duration.ofSeconds(2);

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

	/** Longer than search-service's longest back-off (1 min) and a service restart. */
	private static final Duration STALL_TIMEOUT = Duration.ofMinutes(5);

	/** Kept for reading the topics and the index, writing the report and stopping. */
	private static final Duration AUDIT_RESERVE = Duration.ofMinutes(3);

	/** After everything arrived: time for a late duplicate or dead letter to show. */
	private static final Duration SETTLE = Duration.ofSeconds(10);

	private final ChaosOptions options;

	private final Console console = new Console();

	private final Http http = new Http();

	private final long runStart = System.nanoTime();

	private ChaosCommand(ChaosOptions options) {
		this.options = options;
	}

	public static void main(String[] args) {
		// Logging set up before the broker's and the node's threads race to do it.
		LoggerFactory.getILoggerFactory();
		CommandLine.main(args, ChaosOptions.USAGE, ChaosOptions::parse, (options) -> new ChaosCommand(options).run());
	}

	private int run() {
		this.console.log(String.format(Locale.ROOT, "Chaos run (%s): %,d articles over %d s, faults %s",
				this.options.mode(), this.options.articles(), this.options.submitPeriod().toSeconds(),
				this.options.faults().stream().map((fault) -> fault.kind().description()).toList()));
		StackCommand.Setup setup = new StackCommand.Setup("chaos", this.options.root(), SERVICE_SETTINGS,
				this.options.maxRun(), this.options.keepData());
		return StackCommand.run(setup, this.console, (stack, run) -> {
			List<String> bodies = bodies(new Corpus(this.options.seed(), run.tag()));
			return scenario(stack, bodies, run.tag(), run.when(), run.loadStart());
		});
	}

	private List<String> bodies(Corpus corpus) {
		this.console.log("Writing " + this.options.articles() + " articles (seed " + this.options.seed() + ")");
		List<String> bodies = new ArrayList<>(this.options.articles());
		for (int index = 0; index < this.options.articles(); index++) {
			bodies.add(Ingest.json(corpus.article(index)));
		}
		return bodies;
	}

	private ChaosReport scenario(OwnStack stack, List<String> bodies, String runTag, Instant when, double loadStart) {
		long started = System.nanoTime();
		Submitter submitter = new Submitter(new Ingest(this.http, stack.uri(Service.INGEST)), bodies,
				this.options.submitPeriod());
		FaultScript script = new FaultScript(stack, this.console, runTag);
		this.console.log("Submitting " + bodies.size() + " articles over " + this.options.submitPeriod().toSeconds()
				+ " s while injecting the faults");
		submitter.start();
		Elasticsearch elasticsearch = new Elasticsearch(this.http, stack.elasticsearchUri());
		List<FaultRecord> faults = script.run(this.options.faults(), this.options.submitPeriod(), submitter,
				() -> countOrMinusOne(elasticsearch));
		submitter.await(this.options.maxRun().minus(Duration.ofNanos(System.nanoTime() - this.runStart)));
		Submitter.Submission submission = submitter.result();
		this.console.log(String.format(Locale.ROOT,
				"Submitted %,d articles (%,d in batches, %,d one by one), %,d requests sent again",
				submission.submitted(), submission.batch(), submission.single(), submission.retries()));
		awaitSettled(stack, elasticsearch, submission.ids().size(), script.poison());
		this.console.log("Reading the index, the topics (read_committed) and the dead-letter topics");
		IndexContents index = IndexContents.read(this.http, elasticsearch);
		TopicCounts raw = TopicCounts.read(stack.bootstrapServers(), Topics.RAW, READ_TIMEOUT);
		TopicCounts enriched = TopicCounts.read(stack.bootstrapServers(), Topics.ENRICHED, READ_TIMEOUT);
		Map<String, TopicCounts> deadLetters = new LinkedHashMap<>();
		for (String topic : DEAD_LETTER_TOPICS) {
			deadLetters.put(topic, TopicCounts.read(stack.bootstrapServers(), topic, READ_TIMEOUT));
		}
		Verdict verdict = Verdict.of(submission.ids(), raw, enriched, index, script.poison(), deadLetters);
		long seconds = (System.nanoTime() - started) / 1_000_000_000L;
		return ChaosReport.of(this.options, when, submission, index, faults, verdict, seconds,
				MachineInfo.describe(loadStart));
	}

	/**
	 * Wait until the index counts every submitted article and the dead-letter topics hold
	 * as many records as poison was injected, then a little longer for anything late.
	 * Gives up, and leaves the audit to say what is missing, when nothing has moved for
	 * {@link #STALL_TIMEOUT} or when only the audit's share of the deadline is left.
	 */
	private void awaitSettled(OwnStack stack, Elasticsearch elasticsearch, int ids, Map<String, List<String>> poison) {
		long poisoned = poison.values().stream().mapToLong(List::size).sum();
		long deadline = this.runStart + this.options.maxRun().minus(AUDIT_RESERVE).toNanos();
		long lastMove = System.nanoTime();
		long nextProgress = 0;
		long seen = -1;
		while (System.nanoTime() < deadline && System.nanoTime() - lastMove < STALL_TIMEOUT.toNanos()) {
			long indexed = countOrMinusOne(elasticsearch);
			long deadLetters = DEAD_LETTER_TOPICS.stream()
				.map((topic) -> TopicCounts.read(stack.bootstrapServers(), topic, READ_TIMEOUT))
				.mapToLong(TopicCounts::records)
				.sum();
			if (indexed >= ids && deadLetters >= poisoned) {
				this.console.log("Everything arrived: " + indexed + " documents, " + deadLetters
						+ " dead letters; settling " + SETTLE.toSeconds() + " s");
				Pause.sleep(SETTLE);
				return;
			}
			if (indexed + deadLetters != seen) {
				seen = indexed + deadLetters;
				lastMove = System.nanoTime();
			}
			if (System.nanoTime() >= nextProgress) {
				this.console.log("Waiting for the pipeline: " + indexed + " of " + ids + " indexed, " + deadLetters
						+ " of " + poisoned + " dead letters");
				nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
			}
			Pause.sleep(POLL);
		}
		this.console.log("The pipeline stopped moving (or the deadline is near); auditing what is there");
	}

	private static long countOrMinusOne(Elasticsearch elasticsearch) {
		try {
			return elasticsearch.searchableCount(IndexContents.ALIAS);
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

}
