package newsroom.bench.chaos;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import newsroom.bench.chaos.ChaosReport.FaultRecord;
import newsroom.bench.pipeline.Console;
import newsroom.bench.pipeline.load.Pause;
import newsroom.bench.stack.OwnStack;
import newsroom.bench.stack.OwnStack.Service;
import newsroom.bench.stack.TopicCounts;
import newsroom.events.Topics;

/**
 * Injects the faults one after another while the articles are being submitted, each at
 * its fraction of the submission period (or as soon as the one before it has finished)
 * and once its victim is seen at work, and waits after each until the pipeline has its
 * part back: the service healthy, the node or the broker started. Each is recorded with
 * how many articles were submitted and indexed when it struck.
 */
final class FaultScript {

	/** How long Elasticsearch stays away. */
	static final Duration ELASTICSEARCH_AWAY = Duration.ofSeconds(20);

	/**
	 * Longer than ingest's delivery timeout (9 s): requests fail with 503 and are
	 * retried.
	 */
	static final Duration KAFKA_AWAY = Duration.ofSeconds(15);

	/** Share of the articles that may go in beyond a fault's time before it is over. */
	static final double HEADROOM = 0.05;

	/** How long to wait at most for the victim of a fault to be seen at work. */
	private static final Duration BUSY_TIMEOUT = Duration.ofMinutes(2);

	private static final Duration BUSY_WINDOW = Duration.ofSeconds(2);

	private final OwnStack stack;

	private final Console console;

	private final String runTag;

	private final Map<String, List<String>> poison = new LinkedHashMap<>();

	FaultScript(OwnStack stack, Console console, String runTag) {
		this.stack = stack;
		this.console = console;
		this.runTag = runTag;
	}

	/**
	 * Inject every fault, in order. The submitter is held back so that no more than
	 * {@link #HEADROOM} of the articles beyond a fault's time go in before that fault is
	 * over: however long the earlier faults took, each one strikes while articles are
	 * still arriving, and some arrive during it.
	 * @param faults the faults
	 * @param period the submission period their times are fractions of
	 * @param submitter the submissions, held back and released here
	 * @param indexed how many documents the index counts now, -1 when it cannot say
	 * @return what was done, when, and where the pipeline was
	 */
	List<FaultRecord> run(List<Fault> faults, Duration period, Submitter submitter, LongSupplier indexed) {
		long start = System.nanoTime();
		List<FaultRecord> done = new ArrayList<>();
		try {
			for (Fault fault : faults) {
				submitter.holdAt(fault.at() + HEADROOM);
				long due = start + (long) (fault.at() * period.toNanos());
				if (due > System.nanoTime()) {
					Pause.sleep(Duration.ofNanos(due - System.nanoTime()));
				}
				String busy = awaitBusy(fault.kind(), indexed);
				int submittedBefore = submitter.submitted();
				long indexedBefore = indexed.getAsLong();
				Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
				long began = System.nanoTime();
				this.console.log("Fault: " + fault.kind().description() + " (" + submittedBefore
						+ " articles submitted, " + indexedBefore + " indexed" + busy + ")");
				String detail = inject(fault.kind()) + busy;
				double took = (System.nanoTime() - began) / 1e9;
				this.console.log(String.format(Locale.ROOT, "  done in %.1f s: %s", took, detail));
				done.add(new FaultRecord(fault.kind().description(), at.toString(), (began - start) / 1_000_000_000L,
						Math.round(took * 10) / 10.0, submittedBefore, indexedBefore, detail));
			}
		}
		finally {
			submitter.holdAt(Double.POSITIVE_INFINITY);
		}
		return done;
	}

	/**
	 * Before killing a process or pulling the index away, wait (bounded) until the victim
	 * is seen at work, so that the fault interrupts work in flight: enrich-service
	 * writing enriched records (in open transactions), search-service writing documents.
	 * @return how busy it was, for the report; empty for the other faults
	 */
	private String awaitBusy(Fault.Kind kind, LongSupplier indexed) {
		LongSupplier progress = switch (kind) {
			case KILL_ENRICH -> () -> TopicCounts.endOffsets(this.stack.bootstrapServers(), Topics.ENRICHED);
			case KILL_SEARCH, STOP_ELASTICSEARCH -> indexed;
			case RESTART_KAFKA, POISON -> null;
		};
		if (progress == null) {
			return "";
		}
		String what = (kind == Fault.Kind.KILL_ENRICH) ? "enriched records written" : "documents indexed";
		long deadline = System.nanoTime() + BUSY_TIMEOUT.toNanos();
		long before = progress.getAsLong();
		while (System.nanoTime() < deadline) {
			Pause.sleep(BUSY_WINDOW);
			long now = progress.getAsLong();
			if (before >= 0 && now > before) {
				return String.format(Locale.ROOT, "; struck while busy: %d %s in the %d s before", now - before, what,
						BUSY_WINDOW.toSeconds());
			}
			before = now;
		}
		return "; not seen busy within " + BUSY_TIMEOUT.toSeconds() + " s, struck anyway";
	}

	/**
	 * The poison records injected, by the dead-letter topic they must arrive on.
	 * @return the keys per dead-letter topic; empty when the script injects none
	 */
	Map<String, List<String>> poison() {
		return new LinkedHashMap<>(this.poison);
	}

	private String inject(Fault.Kind kind) {
		return switch (kind) {
			case KILL_ENRICH -> this.stack.killAndRestart(Service.ENRICH);
			case KILL_SEARCH -> this.stack.killAndRestart(Service.SEARCH);
			case STOP_ELASTICSEARCH -> this.stack.stopElasticsearch(ELASTICSEARCH_AWAY);
			case RESTART_KAFKA -> this.stack.restartKafka(KAFKA_AWAY);
			case POISON -> {
				Map<String, List<String>> keys = Poison.inject(this.stack.bootstrapServers(), this.runTag);
				this.poison.putAll(keys);
				yield "written: " + keys.values().stream().flatMap(List::stream).toList();
			}
		};
	}

}
