package newsroom.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import newsroom.bench.pipeline.load.Ingest;
import newsroom.bench.pipeline.load.Pause;
import tools.jackson.databind.JsonNode;

/**
 * Submits the articles through ingest while the faults happen, as real clients would:
 * three quarters as NDJSON batches of {@value #BATCH_SIZE}, one after another, and the
 * rest one per request from {@value #SINGLE_CLIENTS} clients, both spread evenly over the
 * submission period. A request that ingest does not take (503 while the broker is away,
 * no answer) is sent again after a back-off until it is: an article is submitted once
 * ingest has answered with its id. The fault script can hold the submissions back, so
 * that each fault strikes while articles are still coming in.
 */
final class Submitter {

	static final int BATCH_SIZE = 100;

	static final int SINGLE_CLIENTS = 4;

	private static final Duration FIRST_RETRY = Duration.ofMillis(250);

	private static final Duration MAX_RETRY = Duration.ofSeconds(4);

	private static final Duration HOLD_POLL = Duration.ofMillis(100);

	private final Ingest ingest;

	private final List<String> bodies;

	private final int batchArticles;

	private final Duration period;

	private final Set<String> ids = ConcurrentHashMap.newKeySet();

	private final AtomicInteger batchSubmitted = new AtomicInteger();

	private final AtomicInteger singleSubmitted = new AtomicInteger();

	private final AtomicInteger retries = new AtomicInteger();

	private final AtomicInteger nextSingle = new AtomicInteger();

	private final List<String> rejected = Collections.synchronizedList(new ArrayList<>());

	private final ExecutorService pool = Executors.newFixedThreadPool(1 + SINGLE_CLIENTS);

	private final List<Future<?>> lanes = new ArrayList<>();

	private long start;

	/** Articles at or beyond this fraction wait; the fault script moves it. */
	private volatile double hold = Double.POSITIVE_INFINITY;

	/**
	 * @param ingest the client
	 * @param bodies one request body per article
	 * @param period how long the submissions are spread over
	 */
	Submitter(Ingest ingest, List<String> bodies, Duration period) {
		this.ingest = ingest;
		this.bodies = bodies;
		this.batchArticles = bodies.size() * 3 / 4;
		this.period = period;
		this.nextSingle.set(this.batchArticles);
	}

	void start() {
		this.start = System.nanoTime();
		this.lanes.add(this.pool.submit(this::batches));
		for (int client = 0; client < SINGLE_CLIENTS; client++) {
			this.lanes.add(this.pool.submit(this::singles));
		}
	}

	/**
	 * Wait until every article is submitted.
	 * @param timeout how long at most
	 * @throws IllegalStateException when a lane failed or the time ran out
	 */
	void await(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			for (Future<?> lane : this.lanes) {
				lane.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException(
					"Only " + submitted() + " of " + this.bodies.size() + " articles submitted after " + timeout, ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Submitting failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while submitting", ex);
		}
		finally {
			this.pool.shutdownNow();
		}
	}

	/**
	 * Keep the articles at or beyond a fraction of the whole from being sent until
	 * released by a later call.
	 * @param fraction from 0 to 1; {@link Double#POSITIVE_INFINITY} releases all
	 */
	void holdAt(double fraction) {
		this.hold = fraction;
	}

	/**
	 * @return articles ingest has taken so far
	 */
	int submitted() {
		return this.batchSubmitted.get() + this.singleSubmitted.get();
	}

	/**
	 * What was submitted; complete after {@link #await(Duration)}.
	 * @return the ids ingest answered and the counts
	 */
	Submission result() {
		return new Submission(Set.copyOf(this.ids), this.batchSubmitted.get(), this.singleSubmitted.get(),
				this.retries.get(), List.copyOf(this.rejected));
	}

	private void batches() {
		for (int from = 0; from < this.batchArticles; from += BATCH_SIZE) {
			awaitSlot((double) from / this.batchArticles);
			List<String> lines = this.bodies.subList(from, Math.min(from + BATCH_SIZE, this.batchArticles));
			JsonNode answer = untilTaken(() -> this.ingest.trySubmitBatch(lines));
			answer.path("ids").forEach((id) -> this.ids.add(id.asString()));
			this.batchSubmitted.addAndGet(answer.path("ids").size());
			if (answer.path("rejectedCount").asInt() > 0) {
				this.rejected.add("batch from article " + from + ": " + answer.path("rejected"));
			}
		}
	}

	private void singles() {
		int singles = this.bodies.size() - this.batchArticles;
		for (int index = this.nextSingle.getAndIncrement(); index < this.bodies.size(); index = this.nextSingle
			.getAndIncrement()) {
			awaitSlot((double) (index - this.batchArticles) / singles);
			String body = this.bodies.get(index);
			JsonNode answer = untilTaken(() -> this.ingest.trySubmit(body));
			this.ids.add(answer.path("id").asString());
			this.singleSubmitted.incrementAndGet();
		}
	}

	private JsonNode untilTaken(Supplier<Optional<JsonNode>> attempt) {
		Duration wait = FIRST_RETRY;
		for (Optional<JsonNode> answer = attempt.get(); true; answer = attempt.get()) {
			if (answer.isPresent()) {
				return answer.get();
			}
			this.retries.incrementAndGet();
			Pause.sleep(wait);
			wait = (wait.compareTo(MAX_RETRY) < 0) ? wait.multipliedBy(2) : MAX_RETRY;
		}
	}

	private void awaitSlot(double fraction) {
		long due = this.start + (long) (fraction * this.period.toNanos());
		long now = System.nanoTime();
		if (due > now) {
			Pause.sleep(Duration.ofNanos(due - now));
		}
		while (fraction >= this.hold) {
			Pause.sleep(HOLD_POLL);
		}
	}

	/**
	 * What ingest took.
	 *
	 * @param ids the distinct ids it answered
	 * @param batch articles submitted in batches
	 * @param single articles submitted one by one
	 * @param retries requests sent again because ingest did not take them
	 * @param rejected batch items ingest refused as invalid (none expected)
	 */
	record Submission(Set<String> ids, int batch, int single, int retries, List<String> rejected) {

		int submitted() {
			return this.batch + this.single;
		}

	}

}
