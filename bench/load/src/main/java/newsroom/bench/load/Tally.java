package newsroom.bench.load;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsroom.bench.pipeline.load.Latencies;

/**
 * Every request of a phase as it ended: answered (by status, with or without
 * {@code Retry-After}, how long it took) or not answered at all (by reason: a timeout, a
 * refused or reset connection). Safe to fill from many threads.
 */
final class Tally {

	private static final Pattern TITLE = Pattern.compile("\"title\"\\s*:\\s*\"([^\"]*)\"");

	private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> unanswered = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();

	private final LongAdder withRetryAfter = new LongAdder();

	private final Latencies latencies = new Latencies();

	/**
	 * Count an answer.
	 * @param response what the service answered
	 * @param elapsedNanos from sending to the whole answer read
	 */
	void answered(HttpResponse<?> response, long elapsedNanos) {
		int status = response.statusCode();
		this.byStatus.computeIfAbsent(status, (key) -> new LongAdder()).increment();
		if (Answers.isRefusal(status)) {
			if (response.headers().firstValue("Retry-After").isPresent()) {
				this.withRetryAfter.increment();
			}
			this.refusals.computeIfAbsent(status + " " + title(response.body()), (key) -> new LongAdder()).increment();
		}
		synchronized (this.latencies) {
			this.latencies.add(elapsedNanos);
		}
	}

	/**
	 * Count a request that got no answer.
	 * @param failure why, as the client saw it
	 */
	void unanswered(Throwable failure) {
		this.unanswered.computeIfAbsent(reason(failure), (key) -> new LongAdder()).increment();
	}

	/**
	 * What was counted so far.
	 * @return the counts
	 */
	Answers answers() {
		Map<Integer, Long> statuses = new TreeMap<>();
		this.byStatus.forEach((status, count) -> statuses.put(status, count.sum()));
		Map<String, Long> reasons = new TreeMap<>();
		this.unanswered.forEach((reason, count) -> reasons.put(reason, count.sum()));
		Map<String, Long> refused = new TreeMap<>();
		this.refusals.forEach((why, count) -> refused.put(why, count.sum()));
		Latencies.Percentiles percentiles;
		synchronized (this.latencies) {
			percentiles = this.latencies.percentiles();
		}
		return new Answers(statuses, this.withRetryAfter.sum(), refused, reasons, percentiles.p50(), percentiles.p99());
	}

	/** The problem's title: which guard refused, or why the service could not serve. */
	static String title(Object body) {
		Matcher title = TITLE.matcher(String.valueOf(body));
		return title.find() ? title.group(1) : "(no problem title)";
	}

	/** A short name for why a request got no answer. */
	static String reason(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof HttpConnectTimeoutException) {
			return "connect timeout";
		}
		if (cause instanceof HttpTimeoutException) {
			return "timeout";
		}
		if (cause instanceof ConnectException) {
			return "connection refused";
		}
		if (cause instanceof IOException) {
			String message = String.valueOf(cause.getMessage());
			return "I/O: " + ((message.length() > 60) ? message.substring(0, 60) : message);
		}
		return cause.getClass().getSimpleName();
	}

}
