package newsroom.bench.pipeline.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop clients: each sends a request, waits for the whole answer, and sends the
 * next, as a dashboard user or an uploading script does. Requests that start during the
 * warm-up are not counted; the rate is the counted requests over the time from the first
 * counted request's start to the last one's end, so that a long request straddling a
 * boundary neither inflates nor deflates it.
 */
public final class ClientPool {

	private ClientPool() {
	}

	/**
	 * Run clients until the time is up or there is nothing left to send.
	 * @param clients how many clients
	 * @param warmup time at the start whose requests are not counted
	 * @param measured time counted after the warm-up; {@code null} for no limit
	 * @param request one request of one client
	 * @return what the counted requests did
	 */
	public static Outcome run(int clients, Duration warmup, Duration measured, Request request) {
		long start = System.nanoTime();
		long countFrom = start + warmup.toNanos();
		long end = (measured != null) ? countFrom + measured.toNanos() : Long.MAX_VALUE;
		AtomicLong errors = new AtomicLong();
		AtomicLong firstCounted = new AtomicLong(Long.MAX_VALUE);
		AtomicLong lastDone = new AtomicLong(Long.MIN_VALUE);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<Latencies>> futures = new ArrayList<>();
		for (int client = 0; client < clients; client++) {
			int id = client;
			futures.add(pool.submit(() -> {
				Latencies latencies = new Latencies();
				for (int sequence = 0;; sequence++) {
					long sent = System.nanoTime();
					if (sent >= end) {
						return latencies;
					}
					Result result = request.send(id, sequence);
					if (result == Result.NOTHING_LEFT) {
						return latencies;
					}
					if (sent >= countFrom) {
						long done = System.nanoTime();
						firstCounted.accumulateAndGet(sent, Math::min);
						lastDone.accumulateAndGet(done, Math::max);
						latencies.add(done - sent);
						if (result == Result.FAILED) {
							errors.incrementAndGet();
						}
					}
				}
			}));
		}
		Latencies all = new Latencies();
		try {
			for (Future<Latencies> future : futures) {
				all.addAll(future.get());
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("A client failed: " + ex.getMessage(), ex);
		}
		finally {
			pool.shutdownNow();
		}
		double seconds = (all.count() > 0) ? (lastDone.get() - firstCounted.get()) / 1e9 : 0;
		return new Outcome(all.percentiles(), (seconds > 0) ? all.count() / seconds : 0, errors.get(), seconds);
	}

	/** One request of a client. */
	@FunctionalInterface
	public interface Request {

		/**
		 * Send one request and read its answer.
		 * @param client which client (0 to clients-1)
		 * @param sequence this client's request number
		 * @return what became of it
		 * @throws Exception when the client cannot go on
		 */
		Result send(int client, int sequence) throws Exception;

	}

	/** What became of a request. */
	public enum Result {

		/** Answered as expected. */
		OK,

		/** Answered otherwise: counted as an error. */
		FAILED,

		/** Not sent: this client has no more work. */
		NOTHING_LEFT

	}

	/**
	 * The counted requests of a run.
	 *
	 * @param latencies their response times
	 * @param perSecond counted requests per second of counted time
	 * @param errors counted requests not answered as expected
	 * @param seconds counted time
	 */
	public record Outcome(Latencies.Percentiles latencies, double perSecond, long errors, double seconds) {
	}

}
