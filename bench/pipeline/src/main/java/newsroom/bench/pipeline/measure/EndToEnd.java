package newsroom.bench.pipeline.measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import newsroom.bench.pipeline.load.ClientPool;
import newsroom.bench.pipeline.load.Elasticsearch;
import newsroom.bench.pipeline.load.Ingest;
import newsroom.bench.pipeline.load.Latencies;
import newsroom.bench.pipeline.load.Pause;

/**
 * Phase E: articles submitted to ingest-service until every one is searchable, that is
 * counted by a {@code _count} on the {@code news} alias, which sees only refreshed
 * documents. The clock runs from the first request to the first count that includes them
 * all; the count is polled every {@value #POLL_MILLIS} ms.
 */
public final class EndToEnd {

	/**
	 * Articles per NDJSON batch request: about 4–9 MB, well under ingest's 100 MB limit.
	 */
	public static final int BATCH_CHUNK = 1000;

	static final String ALIAS = "news";

	private static final long POLL_MILLIS = 200;

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

	private final Ingest ingest;

	private final Elasticsearch elasticsearch;

	private final Consumer<String> progress;

	private final Duration stallTimeout;

	/**
	 * @param ingest ingest-service's client
	 * @param elasticsearch the node behind search-service
	 * @param progress told how far a phase is
	 * @param stallTimeout how long the searchable count may stand still before the
	 * missing articles are given up on (dead-lettered, say)
	 */
	public EndToEnd(Ingest ingest, Elasticsearch elasticsearch, Consumer<String> progress, Duration stallTimeout) {
		this.ingest = ingest;
		this.elasticsearch = elasticsearch;
		this.progress = progress;
		this.stallTimeout = stallTimeout;
	}

	/**
	 * Submit a file's articles as NDJSON batches, one request after another.
	 * @param name the phase's name for progress lines
	 * @param file one request body per line
	 * @param articles lines in the file
	 * @return the throughput
	 */
	public Throughput batch(String name, Path file, int articles) {
		return measure(name, file, articles, (reader, submitted, accepted) -> {
			for (List<String> chunk = Ingest.nextLines(reader, BATCH_CHUNK); !chunk.isEmpty(); chunk = Ingest
				.nextLines(reader, BATCH_CHUNK)) {
				accepted.addAndGet(this.ingest.submitBatch(chunk).accepted());
				submitted.addAndGet(chunk.size());
			}
			return null;
		});
	}

	/**
	 * Submit a file's articles one per request from several concurrent clients.
	 * @param name the phase's name for progress lines
	 * @param file one request body per line
	 * @param articles lines in the file
	 * @param clients concurrent clients
	 * @return the throughput, with the response times of the requests
	 */
	public Throughput singles(String name, Path file, int articles, int clients) {
		return measure(name, file, articles,
				(reader, submitted, accepted) -> ClientPool.run(clients, Duration.ZERO, null, (client, sequence) -> {
					String line;
					synchronized (reader) {
						line = reader.readLine();
					}
					if (line == null) {
						return ClientPool.Result.NOTHING_LEFT;
					}
					boolean ok = this.ingest.submit(line).isPresent();
					submitted.incrementAndGet();
					accepted.addAndGet(ok ? 1 : 0);
					return ok ? ClientPool.Result.OK : ClientPool.Result.FAILED;
				}).latencies());
	}

	private Throughput measure(String name, Path file, int articles, Submission submission) {
		long before = this.elasticsearch.searchableCount(ALIAS);
		AtomicInteger submitted = new AtomicInteger();
		AtomicInteger accepted = new AtomicInteger();
		long start = System.nanoTime();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				Ticker ticker = new Ticker(name, before, articles, submitted, start)) {
			Latencies.Percentiles requests = submission.submit(reader, submitted, accepted);
			return awaitSearchable(start, before, articles, accepted.get(), requests);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Throughput awaitSearchable(long start, long before, int articles, int accepted,
			Latencies.Percentiles requests) {
		long target = before + accepted;
		long count = before;
		long lastGrowth = System.nanoTime();
		while (count < target && System.nanoTime() - lastGrowth < this.stallTimeout.toNanos()) {
			Pause.sleep(Duration.ofMillis(POLL_MILLIS));
			long now = this.elasticsearch.searchableCount(ALIAS);
			if (now > count) {
				count = now;
				lastGrowth = System.nanoTime();
			}
		}
		double seconds = (lastGrowth - start) / 1e9;
		long missing = Math.max(0, target - count);
		if (missing > 0) {
			this.progress.accept(String.format(Locale.ROOT,
					"  %d articles never became searchable (the count stood still for %d s); see the services' logs",
					missing, this.stallTimeout.toSeconds()));
		}
		return new Throughput(articles, accepted, seconds, (count - before) / seconds, missing, requests);
	}

	/**
	 * A phase's outcome.
	 *
	 * @param articles articles submitted
	 * @param accepted articles ingest accepted
	 * @param seconds from the first request to all searchable
	 * @param perSecond searchable articles per second
	 * @param missing accepted articles that never became searchable
	 * @param requests response times of single submissions; {@code null} for batches
	 */
	public record Throughput(int articles, int accepted, double seconds, double perSecond, long missing,
			Latencies.Percentiles requests) {
	}

	/** How a phase sends a file's articles to ingest. */
	@FunctionalInterface
	private interface Submission {

		/**
		 * Send every article of the file.
		 * @param reader the file, one request body per line
		 * @param submitted to count articles sent
		 * @param accepted to count articles ingest accepted
		 * @return the response times of single requests, {@code null} for batches
		 * @throws IOException when the file cannot be read
		 */
		Latencies.Percentiles submit(BufferedReader reader, AtomicInteger submitted, AtomicInteger accepted)
				throws IOException;

	}

	/**
	 * Prints how far a phase is, with an estimate of the time left, every few seconds.
	 */
	private final class Ticker implements AutoCloseable {

		private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

		Ticker(String name, long before, int articles, AtomicInteger submitted, long start) {
			long every = PROGRESS_EVERY.toMillis();
			this.timer.scheduleAtFixedRate(() -> {
				long searchable = EndToEnd.this.elasticsearch.searchableCount(ALIAS) - before;
				double elapsed = (System.nanoTime() - start) / 1e9;
				double rate = searchable / elapsed;
				String left = (rate > 0)
						? String.format(Locale.ROOT, ", about %.0f s left", (articles - searchable) / rate) : "";
				EndToEnd.this.progress
					.accept(String.format(Locale.ROOT, "  %s: %,d of %,d submitted, %,d searchable (%.0f/s)%s", name,
							submitted.get(), articles, searchable, rate, left));
			}, every, every, TimeUnit.MILLISECONDS);
		}

		@Override
		public void close() {
			this.timer.shutdownNow();
		}

	}

}
