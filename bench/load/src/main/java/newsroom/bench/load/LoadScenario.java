package newsroom.bench.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import newsroom.bench.stack.TopicCounts;
import newsroom.events.Topics;
import tools.jackson.databind.JsonNode;

/**
 * The phases of a load run on a started stack: the absorb rate, ingest with the rate
 * limit on and off, the drain and the audit of the accepted articles, search with the
 * limit on and off.
 */
final class LoadScenario {

	/** The services' default steady rate per client ({@code newsroom.web.rate-limit}). */
	static final long RATE_LIMIT_PER_SECOND = 200;

	static final long RATE_LIMIT_BURST = 1_000;

	/** The services' default in-flight limit ({@code newsroom.web.in-flight-limit}). */
	static final int IN_FLIGHT_LIMIT = 64;

	private static final Map<String, String> LIMIT_OFF = Map.of("NEWSROOM_RATE_LIMIT_ENABLED", "false");

	private static final int CALIBRATION_BATCH = 100;

	private static final int CALIBRATION_WARMUP = 500;

	private static final Duration REST = Duration.ofSeconds(5);

	/**
	 * Before each phase: a few clients for a few seconds, so that a service just started
	 * has compiled its code and made its Kafka producer before the whole load arrives.
	 */
	private static final Duration WARMUP = Duration.ofSeconds(10);

	private static final int WARMUP_CLIENTS = 8;

	private static final Duration POLL = Duration.ofSeconds(1);

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

	/** Longer than search-service's longest back-off (1 min). */
	private static final Duration STALL_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration READ_TIMEOUT = Duration.ofMinutes(3);

	private static final int SEARCH_TERMS = 256;

	private final LoadOptions options;

	private final OwnStack stack;

	private final Console console;

	private final Corpus corpus;

	private final Http http = new Http();

	private final Elasticsearch elasticsearch;

	/** The ids the ingest phases got 202 {@code accepted} for. */
	private final Set<String> accepted = new HashSet<>();

	/** Request bodies for the ingest phases, written before the first. */
	private final List<byte[]> bodies = new ArrayList<>();

	private int nextArticle;

	private int nextBody;

	LoadScenario(LoadOptions options, OwnStack stack, Console console, String runTag) {
		this.options = options;
		this.stack = stack;
		this.console = console;
		this.corpus = new Corpus(options.seed(), runTag);
		this.elasticsearch = new Elasticsearch(this.http, stack.elasticsearchUri());
	}

	LoadReport run(Instant when, double loadStart) {
		long started = System.nanoTime();
		Set<String> known = new HashSet<>();
		LoadReport.Absorb absorb = absorbRate(known);
		double target = this.options.factor() * absorb.perSecond();
		// One client past its allowance, whatever the target, so that the limit answers.
		double limited = Math.max(target, 2.0 * RATE_LIMIT_PER_SECOND);
		this.console.log(String.format(Locale.ROOT,
				"Absorb rate %.1f articles/s (%s): target %.0f requests/s; %.0f/s with the rate limit on",
				absorb.perSecond(), absorb.how(), target, limited));
		writeArticles(limited, target);
		List<Phase> phases = new ArrayList<>();
		phases.add(ingest("ingest, rate limit on (one client)", true, limited));
		this.console
			.log("Restarting ingest-service with the rate limit off: " + this.stack.restart(Service.INGEST, LIMIT_OFF));
		phases.add(ingest("ingest, rate limit off", false, target));
		Delivery delivery = drainAndAudit(this.accepted, known);
		List<String> terms = this.corpus.searchTerms(SEARCH_TERMS);
		phases.add(search("search, rate limit on (one address)", true, terms));
		this.console
			.log("Restarting search-service with the rate limit off: " + this.stack.restart(Service.SEARCH, LIMIT_OFF));
		phases.add(search("search, rate limit off", false, terms));
		long seconds = (System.nanoTime() - started) / 1_000_000_000L;
		LoadReport.Settings settings = new LoadReport.Settings(this.options.seed(), this.options.factor(),
				this.options.maxInFlight(), this.options.requestTimeout().toSeconds(), this.options.searchClients(),
				RATE_LIMIT_BURST, RATE_LIMIT_PER_SECOND, this.options.inFlightLimit() ? IN_FLIGHT_LIMIT : 0,
				Memory.BOUND_MB, Memory.RETAINED_MB);
		return LoadReport.of(when.toString(), this.options.full() ? "full" : "short", absorb, target, phases, delivery,
				seconds, settings, MachineInfo.describe(loadStart));
	}

	/**
	 * The rate the pipeline absorbs: articles submitted in NDJSON batches as fast as
	 * ingest takes them, over the time until all are searchable; after a first, smaller
	 * round that is not timed, so that the services' code is compiled and their clients
	 * connected, as they are under load.
	 */
	private LoadReport.Absorb absorbRate(Set<String> known) {
		if (this.options.absorbRate() > 0) {
			return new LoadReport.Absorb(this.options.absorbRate(), 0, 0, "given");
		}
		this.console.log("Warming the pipeline up: " + CALIBRATION_WARMUP + " articles in batches of "
				+ CALIBRATION_BATCH + ", until all are searchable");
		submitUntilSearchable(CALIBRATION_WARMUP, known);
		int articles = this.options.calibrationArticles();
		this.console.log("Measuring the absorb rate: " + articles + " articles in batches of " + CALIBRATION_BATCH
				+ ", until all are searchable");
		double seconds = submitUntilSearchable(articles, known);
		return new LoadReport.Absorb(articles / seconds, articles, seconds, "measured");
	}

	/** Seconds from the first submission until the index holds every known article. */
	private double submitUntilSearchable(int articles, Set<String> known) {
		List<String> lines = new ArrayList<>(articles);
		for (int i = 0; i < articles; i++) {
			lines.add(Ingest.json(this.corpus.article(this.nextArticle++)));
		}
		Ingest ingest = new Ingest(this.http, this.stack.uri(Service.INGEST));
		long start = System.nanoTime();
		for (int from = 0; from < articles; from += CALIBRATION_BATCH) {
			Optional<JsonNode> answer = ingest
				.trySubmitBatch(lines.subList(from, Math.min(articles, from + CALIBRATION_BATCH)));
			answer.orElseThrow(() -> new IllegalStateException("ingest did not take a calibration batch"))
				.path("ids")
				.forEach((id) -> known.add(id.asString()));
		}
		long waitUntil = System.nanoTime() + this.options.drainTimeout().toNanos();
		while (count() < known.size()) {
			if (System.nanoTime() > waitUntil) {
				throw new IllegalStateException("The calibration articles were not all searchable after "
						+ this.options.drainTimeout().toMinutes() + " min");
			}
			Pause.sleep(Duration.ofMillis(250));
		}
		return (System.nanoTime() - start) / 1e9;
	}

	/**
	 * The request bodies of both ingest phases and their warm-ups, written before the
	 * first so that writing text competes with neither.
	 */
	private void writeArticles(double... rates) {
		long seconds = WARMUP.toSeconds() + this.options.ingestSeconds().toSeconds();
		int count = (int) Math.ceil(Arrays.stream(rates).sum() * seconds);
		this.console.log(String.format(Locale.ROOT, "Writing %,d articles for the ingest phases", count));
		for (int i = 0; i < count; i++) {
			this.bodies.add(Ingest.json(this.corpus.article(this.nextArticle++)).getBytes(StandardCharsets.UTF_8));
		}
	}

	/** The next bodies, enough for a rate over a time. */
	private List<byte[]> take(double rate, Duration length) {
		int count = Math.min(this.bodies.size() - this.nextBody, (int) Math.ceil(rate * length.toSeconds()));
		List<byte[]> taken = this.bodies.subList(this.nextBody, this.nextBody + count);
		this.nextBody += count;
		return taken;
	}

	private Phase ingest(String name, boolean rateLimit, double rate) {
		long pid = this.stack.pid(Service.INGEST);
		double rest = MemoryTrace.rest(pid, REST);
		double liveBefore = MemoryTrace.liveHeap(pid);
		URI ingest = this.stack.uri(Service.INGEST);
		this.console.log(String.format(Locale.ROOT, "%s: warm-up, %.0f requests/s for %d s, at most %d open", name,
				rate, WARMUP.toSeconds(), WARMUP_CLIENTS));
		OpenLoop.Result warmup = new OpenLoop(ingest, WARMUP_CLIENTS, this.options.requestTimeout())
			.run(take(rate, WARMUP), rate, WARMUP);
		this.console.log(String.format(Locale.ROOT, "%s: %.0f requests/s for %d s, at most %d open", name, rate,
				this.options.ingestSeconds().toSeconds(), this.options.maxInFlight()));
		OpenLoop.Result result;
		List<Memory.Sample> samples;
		try (MemoryTrace trace = MemoryTrace.start(pid, ingest)) {
			result = new OpenLoop(ingest, this.options.maxInFlight(), this.options.requestTimeout())
				.run(take(rate, this.options.ingestSeconds()), rate, this.options.ingestSeconds());
			samples = trace.samples();
		}
		this.accepted.addAll(warmup.accepted());
		this.accepted.addAll(result.accepted());
		Phase phase = Phase.ingest(name, rateLimit, rate, this.options.maxInFlight(), warmup, result,
				Memory.of(rest, liveBefore, MemoryTrace.liveHeap(pid), samples));
		this.console.log(summary(phase));
		return phase;
	}

	private Phase search(String name, boolean rateLimit, List<String> terms) {
		long pid = this.stack.pid(Service.SEARCH);
		double rest = MemoryTrace.rest(pid, REST);
		double liveBefore = MemoryTrace.liveHeap(pid);
		SearchLoad load = new SearchLoad(this.stack.uri(Service.SEARCH), terms, this.options.requestTimeout());
		this.console.log(String.format(Locale.ROOT, "%s: warm-up, %d clients for %d s", name, WARMUP_CLIENTS,
				WARMUP.toSeconds()));
		SearchLoad.Result warmup = load.run(WARMUP_CLIENTS, WARMUP);
		this.console.log(String.format(Locale.ROOT, "%s: %d clients for %d s", name, this.options.searchClients(),
				this.options.searchSeconds().toSeconds()));
		SearchLoad.Result result;
		List<Memory.Sample> samples;
		try (MemoryTrace trace = MemoryTrace.start(pid, this.stack.uri(Service.SEARCH))) {
			result = load.run(this.options.searchClients(), this.options.searchSeconds());
			samples = trace.samples();
		}
		Phase phase = Phase.search(name, rateLimit, this.options.searchClients(), warmup, result,
				Memory.of(rest, liveBefore, MemoryTrace.liveHeap(pid), samples));
		this.console.log(summary(phase));
		return phase;
	}

	/**
	 * Wait until the index holds every record of the raw topic (or nothing has moved for
	 * a while, or the drain's time is up), then read the raw topic and the index. The raw
	 * topic, not the accepted ids, sets the goal: ingest also publishes articles whose
	 * client gave up waiting, and they count in the index too.
	 */
	private Delivery drainAndAudit(Set<String> accepted, Set<String> known) {
		long start = System.nanoTime();
		long deadline = start + this.options.drainTimeout().toNanos();
		long lastMove = start;
		long nextProgress = start;
		long seen = -1;
		while (System.nanoTime() < deadline && System.nanoTime() - lastMove < STALL_TIMEOUT.toNanos()) {
			long expected = Math.max(accepted.size() + known.size(),
					TopicCounts.endOffsets(this.stack.bootstrapServers(), Topics.RAW));
			long indexed = count();
			if (indexed >= expected) {
				break;
			}
			if (indexed != seen) {
				seen = indexed;
				lastMove = System.nanoTime();
			}
			if (System.nanoTime() >= nextProgress) {
				this.console
					.log(String.format(Locale.ROOT, "Draining: %,d of %,d articles searchable", indexed, expected));
				nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
			}
			Pause.sleep(POLL);
		}
		double drained = (System.nanoTime() - start) / 1e9;
		this.console.log(String.format(Locale.ROOT,
				"Drained in %.0f s; reading the raw topic (read_committed) and the index", drained));
		TopicCounts raw = TopicCounts.read(this.stack.bootstrapServers(), Topics.RAW, READ_TIMEOUT);
		IndexContents index = IndexContents.read(this.http, this.elasticsearch);
		Delivery delivery = Delivery.of(accepted, known, raw, index, drained);
		this.console.log(String.format(Locale.ROOT,
				"Accepted %,d, on the raw topic %,d, indexed %,d, lost %,d, doubled %,d", delivery.accepted(),
				delivery.onRawTopic(), delivery.indexed(), delivery.lost(), delivery.doubled()));
		return delivery;
	}

	private long count() {
		try {
			return this.elasticsearch.searchableCount(IndexContents.ALIAS);
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	private static String summary(Phase phase) {
		return String.format(Locale.ROOT,
				"%s: sent %,d (not sent %,d), answered %s, unanswered %,d, p50 %.0f ms, p99 %.0f ms, RSS peak %.0f MB%s",
				phase.name(), phase.sent(), phase.notSent(), phase.byStatus(), phase.unanswered(), phase.p50Millis(),
				phase.p99Millis(), phase.memory().peakMb(),
				phase.problems().isEmpty() ? "" : "; problems: " + phase.problems());
	}

}
