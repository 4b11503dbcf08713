package newsroom.bench.chaos;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import newsroom.bench.chaos.ChaosReport.FaultRecord;
import newsroom.bench.chaos.ChaosStack.Service;
import newsroom.bench.pipeline.Console;
import newsroom.bench.pipeline.load.Pause;

/**
 * Injects the faults one after another while the articles are being submitted, each at
 * its fraction of the submission period (or as soon as the one before it has finished),
 * and waits after each until the pipeline has its part back: the service healthy, the
 * node or the broker started. Each is recorded with how many articles were submitted and
 * indexed when it struck, which shows that it fell in the middle of the stream.
 */
final class FaultScript {

	/** How long Elasticsearch stays away. */
	static final Duration ELASTICSEARCH_AWAY = Duration.ofSeconds(20);

	/**
	 * Longer than ingest's delivery timeout (9 s): requests fail with 503 and are
	 * retried.
	 */
	static final Duration KAFKA_AWAY = Duration.ofSeconds(15);

	private final ChaosStack stack;

	private final Console console;

	private final String runTag;

	private final Map<String, List<String>> poison = new LinkedHashMap<>();

	FaultScript(ChaosStack stack, Console console, String runTag) {
		this.stack = stack;
		this.console = console;
		this.runTag = runTag;
	}

	/**
	 * Inject every fault, in order.
	 * @param faults the faults
	 * @param period the submission period their times are fractions of
	 * @param submitted how many articles ingest has taken so far
	 * @param indexed how many the index counts now, -1 when it cannot say
	 * @return what was done, when, and where the pipeline was
	 */
	List<FaultRecord> run(List<Fault> faults, Duration period, IntSupplier submitted, LongSupplier indexed) {
		long start = System.nanoTime();
		List<FaultRecord> done = new ArrayList<>();
		for (Fault fault : faults) {
			long due = start + (long) (fault.at() * period.toNanos());
			if (due > System.nanoTime()) {
				Pause.sleep(Duration.ofNanos(due - System.nanoTime()));
			}
			int submittedBefore = submitted.getAsInt();
			long indexedBefore = indexed.getAsLong();
			Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			long began = System.nanoTime();
			this.console.log("Fault: " + fault.kind().description() + " (" + submittedBefore + " articles submitted, "
					+ indexedBefore + " indexed)");
			String detail = inject(fault.kind());
			double took = (System.nanoTime() - began) / 1e9;
			this.console.log(String.format("  done in %.1f s: %s", took, detail));
			done.add(new FaultRecord(fault.kind().description(), at.toString(), (began - start) / 1_000_000_000L,
					Math.round(took * 10) / 10.0, submittedBefore, indexedBefore, detail));
		}
		return done;
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
