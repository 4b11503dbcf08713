package newsroom.bench.pipeline.measure;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import newsroom.bench.pipeline.load.Http;
import newsroom.bench.pipeline.load.Ingest;
import newsroom.bench.pipeline.load.Latencies;
import newsroom.bench.pipeline.load.Pause;
import tools.jackson.databind.JsonNode;

/**
 * Phase F: freshness under a steady load. Articles go to ingest one per request at a
 * fixed rate (open loop: the schedule never waits for answers), and each one's time runs
 * from the start of its ingest request until a search for its unique token returns it.
 * Instead of one search per waiting article, which at 50 articles/s would itself load the
 * pipeline, one poll every {@code pollEvery} asks for up to {@value #TOKENS_PER_QUERY}
 * waiting tokens at once ({@code q=t1 OR t2 …}); an article counts as found when the
 * answer that first contains it arrives, so times are exact to one poll interval plus a
 * search.
 *
 * <p>
 * Afterwards each found article is read back ({@code GET /api/v1/articles/{id}}) for its
 * {@code ingestedAt} and {@code enrichedAt}, which split its time into three stages on
 * the one clock of this machine: the ingest request until ingest stamped it, ingest until
 * enrich-service stamped it, and enrich-service until a search returned it (the
 * transaction's commit, search-service's fetch, the bulk, the refresh and the poll).
 * search-service's own histogram of ingest until indexed, read before and after, splits
 * the last stage at the bulk.
 */
public final class Freshness {

	/**
	 * Tokens per search: their {@code q} stays under search-service's 1,000 characters.
	 */
	static final int TOKENS_PER_QUERY = 40;

	private static final int SENDERS = 8;

	private final Ingest ingest;

	private final Http http;

	private final URI search;

	public Freshness(Ingest ingest, Http http, URI search) {
		this.ingest = ingest;
		this.http = http;
		this.search = search;
	}

	/**
	 * Submit the articles at a steady rate and time each until it is found.
	 * @param articles what to submit, in order
	 * @param warmup how many of the first are sent and searched for but not counted: the
	 * pipeline settles into the rate (the phase before may leave merges and collections
	 * behind)
	 * @param perSecond the rate
	 * @param pollEvery time between polls
	 * @param maxWait how long to keep looking after the last submission
	 * @param progress told what is happening
	 * @return the percentiles and counts
	 */
	public Result run(List<Submission> articles, int warmup, double perSecond, Duration pollEvery, Duration maxWait,
			Consumer<String> progress) {
		Map<String, Waiting> waiting = new ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger();
		AtomicInteger unfinished = new AtomicInteger(articles.size());
		AtomicLong lastSent = new AtomicLong();
		ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
		ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
		AtomicReference<IndexedHistogram> indexedBefore = new AtomicReference<>(IndexedHistogram.EMPTY);
		AtomicLong start = new AtomicLong(System.nanoTime());
		pacer.scheduleAtFixedRate(() -> {
			int index = next.getAndIncrement();
			if (index == warmup) {
				start.set(System.nanoTime());
				senders.execute(() -> indexedBefore.set(IndexedHistogram.read(this.http, this.search)));
			}
			if (index < articles.size()) {
				lastSent.set(System.nanoTime());
				senders.execute(() -> send(articles.get(index), index >= warmup, waiting, unfinished));
			}
		}, 0, (long) (1e9 / perSecond), TimeUnit.NANOSECONDS);
		progress.accept("  F: " + articles.size() + " articles at " + perSecond + "/s (the first " + warmup
				+ " not counted), each searched for by its token");
		List<Found> found = new ArrayList<>();
		long deadline = Long.MAX_VALUE;
		try {
			while ((unfinished.get() > 0 || !waiting.isEmpty()) && System.nanoTime() < deadline) {
				Pause.sleep(pollEvery);
				poll(waiting, found);
				if (deadline == Long.MAX_VALUE && unfinished.get() == 0) {
					deadline = System.nanoTime() + maxWait.toNanos();
				}
			}
		}
		finally {
			pacer.shutdownNow();
			senders.shutdownNow();
		}
		// Still EMPTY when the warm-up ended only as the phase stopped: the whole count.
		Latencies.Percentiles indexed = IndexedHistogram.read(this.http, this.search).since(indexedBefore.get());
		double sendSeconds = (lastSent.get() - start.get()) / 1e9;
		List<Found> counted = found.stream().filter(Found::counted).toList();
		Latencies total = new Latencies();
		counted.forEach((article) -> total.add(article.elapsedNanos()));
		int measured = articles.size() - warmup;
		return new Result(total.percentiles(), measured, counted.size(), measured - counted.size(),
				(measured - 1) / Math.max(1e-9, sendSeconds), stages(counted, indexed));
	}

	/**
	 * Split each found article's time into its stages; for the slowest hundredth, the
	 * mean of each stage says which one makes the tail.
	 */
	private Stages stages(List<Found> found, Latencies.Percentiles indexed) {
		Latencies ingest = new Latencies();
		Latencies enrich = new Latencies();
		Latencies searchable = new Latencies();
		List<Timed> timed = new ArrayList<>(found.size());
		for (Found article : found) {
			JsonNode stored = this.http.getJson(this.search.resolve("/api/v1/articles/" + article.id()));
			long ingestedAt = Instant.parse(stored.path("ingestedAt").asString()).toEpochMilli();
			long enrichedAt = Instant.parse(stored.path("enrichedAt").asString()).toEpochMilli();
			StageMillis split = new StageMillis(ingestedAt - article.startedMillis(), enrichedAt - ingestedAt,
					article.foundMillis() - enrichedAt);
			ingest.add(split.ingest() * 1_000_000);
			enrich.add(split.enrich() * 1_000_000);
			searchable.add(split.searchable() * 1_000_000);
			timed.add(new Timed(article.elapsedNanos(), split));
		}
		timed.sort(Comparator.comparingLong(Timed::elapsedNanos).reversed());
		List<Timed> slowest = timed.subList(0, Math.min(Math.max(1, timed.size() / 100), timed.size()));
		return new Stages(ingest.percentiles(), enrich.percentiles(), indexed, searchable.percentiles(),
				new StageMillis(mean(slowest, StageMillis::ingest), mean(slowest, StageMillis::enrich),
						mean(slowest, StageMillis::searchable)));
	}

	private static long mean(List<Timed> articles, ToLongFunction<StageMillis> stage) {
		return Math
			.round(articles.stream().mapToLong((article) -> stage.applyAsLong(article.stages())).average().orElse(0));
	}

	private void send(Submission article, boolean counted, Map<String, Waiting> waiting, AtomicInteger unfinished) {
		long started = System.nanoTime();
		long startedMillis = System.currentTimeMillis();
		try {
			// A refused article is never waited for, so it counts with those never found.
			this.ingest.submit(article.json())
				.ifPresent((id) -> waiting.put(id, new Waiting(article.token(), counted, started, startedMillis)));
		}
		catch (RuntimeException ex) {
			// Unanswered: counted with the articles never found.
		}
		finally {
			unfinished.decrementAndGet();
		}
	}

	private void poll(Map<String, Waiting> waiting, List<Found> found) {
		List<Map.Entry<String, Waiting>> snapshot = new ArrayList<>(waiting.entrySet());
		for (int from = 0; from < snapshot.size(); from += TOKENS_PER_QUERY) {
			String query = snapshot.subList(from, Math.min(snapshot.size(), from + TOKENS_PER_QUERY))
				.stream()
				.map((entry) -> entry.getValue().token())
				.collect(Collectors.joining(" OR "));
			JsonNode answer = this.http.getJson(this.search
				.resolve("/api/v1/search?size=100&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
			long arrived = System.nanoTime();
			long arrivedMillis = System.currentTimeMillis();
			for (JsonNode hit : answer.path("hits")) {
				String id = hit.path("id").asString();
				Waiting article = waiting.remove(id);
				if (article != null) {
					found.add(new Found(id, article.counted(), arrived - article.started(), article.startedMillis(),
							arrivedMillis));
				}
			}
		}
	}

	/**
	 * An article to submit.
	 *
	 * @param token its unique word
	 * @param json its request body
	 */
	public record Submission(String token, String json) {
	}

	private record Waiting(String token, boolean counted, long started, long startedMillis) {
	}

	private record Found(String id, boolean counted, long elapsedNanos, long startedMillis, long foundMillis) {
	}

	private record Timed(long elapsedNanos, StageMillis stages) {
	}

	/**
	 * One article's time, or a mean, split at the services' stamps, in milliseconds.
	 *
	 * @param ingest from the ingest request's start until ingest's {@code ingestedAt}
	 * @param enrich from {@code ingestedAt} until enrich-service's {@code enrichedAt}
	 * @param searchable from {@code enrichedAt} until a search returned the article
	 */
	public record StageMillis(long ingest, long enrich, long searchable) {
	}

	/**
	 * Where found articles spent their time, in milliseconds of the machine's clock (the
	 * services stamp whole milliseconds).
	 *
	 * @param ingest see {@link StageMillis#ingest()}
	 * @param enrich see {@link StageMillis#enrich()}
	 * @param indexed from {@code ingestedAt} until search-service's bulk was answered,
	 * from the service's own histogram (bucket upper bounds)
	 * @param searchable see {@link StageMillis#searchable()}
	 * @param slowestHundredth each stage's mean over the slowest hundredth of articles
	 */
	public record Stages(Latencies.Percentiles ingest, Latencies.Percentiles enrich, Latencies.Percentiles indexed,
			Latencies.Percentiles searchable, StageMillis slowestHundredth) {
	}

	/**
	 * What phase F found.
	 *
	 * @param latency from ingest request to found, ms
	 * @param submitted articles submitted
	 * @param found articles found
	 * @param notFound articles refused by ingest or never found
	 * @param achievedPerSecond the submission rate reached
	 * @param stages where found articles spent their time
	 */
	public record Result(Latencies.Percentiles latency, int submitted, int found, int notFound,
			double achievedPerSecond, Stages stages) {
	}

}
