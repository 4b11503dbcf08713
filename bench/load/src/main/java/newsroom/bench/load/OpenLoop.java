package newsroom.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import newsroom.bench.pipeline.load.Http;
import tools.jackson.databind.JsonNode;

/**
 * An open-loop ingest client: one {@code POST /api/v1/articles} every 1/rate seconds,
 * whether or not earlier ones were answered, as independent publishers would send them.
 * At most {@code maxInFlight} requests are open at once; an article due while the client
 * is saturated is counted as not sent (the client's limit, not an answer of the service).
 * Every request has its own timeout; one that runs out counts as unanswered.
 */
final class OpenLoop {

	private final URI articles;

	private final int maxInFlight;

	private final Duration timeout;

	/**
	 * @param ingest ingest-service's address
	 * @param maxInFlight requests open at once at most
	 * @param timeout how long one request may take
	 */
	OpenLoop(URI ingest, int maxInFlight, Duration timeout) {
		this.articles = ingest.resolve("/api/v1/articles");
		this.maxInFlight = maxInFlight;
		this.timeout = timeout;
	}

	/**
	 * Send at a fixed rate for a while, then wait for the last answers.
	 * @param bodies one request body per article, in order, at least rate × seconds of
	 * them; an article due while the client is saturated is skipped
	 * @param rate requests per second
	 * @param length how long to send
	 * @return what was sent and answered
	 */
	Result run(List<byte[]> bodies, double rate, Duration length) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		Semaphore open = new Semaphore(this.maxInFlight);
		Tally tally = new Tally();
		Set<String> accepted = ConcurrentHashMap.newKeySet();
		LongAdder duplicates = new LongAdder();
		long start = System.nanoTime();
		long end = start + length.toNanos();
		int sent = 0;
		int notSent = 0;
		for (int index = 0; index < bodies.size(); index++) {
			long due = start + (long) (index * 1e9 / rate);
			if (due >= end) {
				break;
			}
			LockSupport.parkNanos(due - System.nanoTime());
			if (!open.tryAcquire()) {
				notSent++;
				continue;
			}
			sent++;
			long sentAt = System.nanoTime();
			client.sendAsync(request(bodies.get(index)), HttpResponse.BodyHandlers.ofString())
				.whenComplete((response, failure) -> {
					try {
						if (failure != null) {
							tally.unanswered(failure);
						}
						else {
							tally.answered(response, System.nanoTime() - sentAt);
							accepted(response, accepted, duplicates);
						}
					}
					finally {
						open.release();
					}
				});
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		awaitAll(open);
		return new Result(sent, notSent, seconds, tally.answers(), Set.copyOf(accepted), duplicates.sum());
	}

	private HttpRequest request(byte[] body) {
		return HttpRequest.newBuilder(this.articles)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	private static void accepted(HttpResponse<String> response, Set<String> accepted, LongAdder duplicates) {
		if (response.statusCode() != 202) {
			return;
		}
		JsonNode answer = Http.JSON.readTree(response.body());
		if ("accepted".equals(answer.path("status").asString())) {
			accepted.add(answer.path("id").asString());
		}
		else {
			duplicates.increment();
		}
	}

	/** Every request has a timeout, so this ends: a little after the last one's. */
	private void awaitAll(Semaphore open) {
		try {
			if (!open.tryAcquire(this.maxInFlight, this.timeout.plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("Requests still open " + this.timeout + " after the last was sent");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the last answers", ex);
		}
	}

	/**
	 * One phase of open-loop ingest.
	 *
	 * @param sent requests sent
	 * @param notSent articles due while {@code maxInFlight} requests were open
	 * @param seconds time spent sending
	 * @param answers how the sent requests ended
	 * @param accepted ids answered 202 {@code accepted}
	 * @param duplicates 202 answers that said {@code duplicate} (none expected: every
	 * article is new)
	 */
	record Result(int sent, int notSent, double seconds, Answers answers, Set<String> accepted, long duplicates) {

		Result {
			accepted = Set.copyOf(accepted);
		}

	}

}
