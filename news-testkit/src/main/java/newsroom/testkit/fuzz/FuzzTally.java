package newsroom.testkit.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the requests a fuzz test sent per endpoint and the statuses they were answered
 * with, and reports one summary line per endpoint ({@code endpoint: N requests, M 5xx,
 * statuses {...}, T ms}), which is where the README's figures come from. Statuses are
 * counted by {@link FuzzAnswer#label()}, so refusals by the container stand apart.
 */
public final class FuzzTally {

	private static final Logger logger = LoggerFactory.getLogger(FuzzTally.class);

	private final Map<String, Counts> endpoints = new LinkedHashMap<>();

	/**
	 * Count one answered request.
	 * @param endpoint the endpoint's name, for example {@code GET /api/v1/search}
	 * @param answer what it answered
	 * @param took how long the request took
	 */
	public synchronized void record(String endpoint, FuzzAnswer answer, Duration took) {
		Counts counts = this.endpoints.computeIfAbsent(endpoint, (name) -> new Counts());
		counts.statuses.merge(answer.label(), 1, Integer::sum);
		if (answer.status() >= 500) {
			counts.serverErrors++;
		}
		counts.time = counts.time.plus(took);
	}

	/**
	 * How many requests went to an endpoint.
	 * @param endpoint the endpoint's name
	 * @return the count
	 */
	public synchronized int requests(String endpoint) {
		Counts counts = this.endpoints.get(endpoint);
		return (counts != null) ? counts.requests() : 0;
	}

	/**
	 * How many requests to an endpoint were answered with a 5xx.
	 * @param endpoint the endpoint's name
	 * @return the count
	 */
	public synchronized int serverErrors(String endpoint) {
		Counts counts = this.endpoints.get(endpoint);
		return (counts != null) ? counts.serverErrors() : 0;
	}

	/**
	 * One line per endpoint: requests, 5xx, each status with its count, time spent.
	 * @return the lines, in the order endpoints were first used
	 */
	public synchronized List<String> summary() {
		List<String> lines = new ArrayList<>();
		this.endpoints
			.forEach((endpoint, counts) -> lines.add(String.format("%s: %d requests, %d 5xx, statuses %s, %d ms",
					endpoint, counts.requests(), counts.serverErrors(), counts.statuses, counts.time.toMillis())));
		return lines;
	}

	/**
	 * Log {@link #summary()}, one line per endpoint.
	 * @param test the test that sent the requests
	 */
	public void log(String test) {
		summary().forEach((line) -> logger.info("Fuzz summary ({}) {}", test, line));
	}

	private static final class Counts {

		private final Map<String, Integer> statuses = new TreeMap<>();

		private int serverErrors;

		private Duration time = Duration.ZERO;

		int requests() {
			return this.statuses.values().stream().mapToInt(Integer::intValue).sum();
		}

		int serverErrors() {
			return this.serverErrors;
		}

	}

}
