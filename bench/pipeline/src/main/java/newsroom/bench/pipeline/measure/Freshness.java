package newsroom.bench.pipeline.measure;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
	 * @param perSecond the rate
	 * @param pollEvery time between polls
	 * @param maxWait how long to keep looking after the last submission
	 * @param progress told what is happening
	 * @return the percentiles and counts
	 */
	public Result run(List<Submission> articles, double perSecond, Duration pollEvery, Duration maxWait,
			Consumer<String> progress) {
		Map<String, Waiting> waiting = new ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger();
		AtomicInteger unfinished = new AtomicInteger(articles.size());
		AtomicInteger refused = new AtomicInteger();
		AtomicLong lastSent = new AtomicLong();
		ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
		ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
		long start = System.nanoTime();
		pacer.scheduleAtFixedRate(() -> {
			int index = next.getAndIncrement();
			if (index < articles.size()) {
				lastSent.set(System.nanoTime());
				senders.execute(() -> send(articles.get(index), waiting, unfinished, refused));
			}
		}, 0, (long) (1e9 / perSecond), TimeUnit.NANOSECONDS);
		progress.accept("  F: " + articles.size() + " articles at " + perSecond + "/s, each searched for by its token");
		Latencies found = new Latencies();
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
		double sendSeconds = (lastSent.get() - start) / 1e9;
		return new Result(found.percentiles(), articles.size(), found.count(), waiting.size() + refused.get(),
				(articles.size() - 1) / Math.max(1e-9, sendSeconds));
	}

	private void send(Submission article, Map<String, Waiting> waiting, AtomicInteger unfinished,
			AtomicInteger refused) {
		long started = System.nanoTime();
		try {
			this.ingest.submit(article.json())
				.ifPresentOrElse((id) -> waiting.put(id, new Waiting(article.token(), started)),
						refused::incrementAndGet);
		}
		catch (RuntimeException ex) {
			// Unanswered: counted with the articles never found.
			refused.incrementAndGet();
		}
		finally {
			unfinished.decrementAndGet();
		}
	}

	private void poll(Map<String, Waiting> waiting, Latencies found) {
		List<Map.Entry<String, Waiting>> snapshot = new ArrayList<>(waiting.entrySet());
		for (int from = 0; from < snapshot.size(); from += TOKENS_PER_QUERY) {
			String query = snapshot.subList(from, Math.min(snapshot.size(), from + TOKENS_PER_QUERY))
				.stream()
				.map((entry) -> entry.getValue().token())
				.collect(Collectors.joining(" OR "));
			JsonNode answer = this.http.getJson(this.search
				.resolve("/api/v1/search?size=100&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
			long arrived = System.nanoTime();
			for (JsonNode hit : answer.path("hits")) {
				Waiting article = waiting.remove(hit.path("id").asString());
				if (article != null) {
					found.add(arrived - article.started());
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

	private record Waiting(String token, long started) {
	}

	/**
	 * What phase F found.
	 *
	 * @param latency from ingest request to found, ms
	 * @param submitted articles submitted
	 * @param found articles found
	 * @param notFound articles refused by ingest or never found
	 * @param achievedPerSecond the submission rate reached
	 */
	public record Result(Latencies.Percentiles latency, int submitted, int found, int notFound,
			double achievedPerSecond) {
	}

}
