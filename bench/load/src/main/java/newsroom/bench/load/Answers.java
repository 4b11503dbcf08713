package newsroom.bench.load;

import java.util.Map;
import java.util.Set;

/**
 * How a phase's requests ended.
 *
 * @param byStatus answers per HTTP status
 * @param withRetryAfter 429 and 503 answers that carried {@code Retry-After}
 * @param refusalTitles 429 and 503 answers per status and problem title (which guard, or
 * what was unavailable)
 * @param unanswered requests without an answer, per reason (timeout, refused, reset)
 * @param p50Millis median time to the whole answer, answered requests only
 * @param p99Millis 99th percentile of the same
 */
record Answers(Map<Integer, Long> byStatus, long withRetryAfter, Map<String, Long> refusalTitles,
		Map<String, Long> unanswered, double p50Millis, double p99Millis) {

	Answers {
		byStatus = Map.copyOf(byStatus);
		refusalTitles = Map.copyOf(refusalTitles);
		unanswered = Map.copyOf(unanswered);
	}

	/**
	 * Whether a status is a refusal a client should retry later: a rate limit (429) or an
	 * overloaded or unavailable service (503), both of which must say when.
	 * @param status an HTTP status
	 * @return {@code true} for 429 and 503
	 */
	static boolean isRefusal(int status) {
		return status == 429 || status == 503;
	}

	long answered() {
		return this.byStatus.values().stream().mapToLong(Long::longValue).sum();
	}

	long status(int status) {
		return this.byStatus.getOrDefault(status, 0L);
	}

	long refusals() {
		return status(429) + status(503);
	}

	long missingRetryAfter() {
		return refusals() - this.withRetryAfter;
	}

	long unansweredCount() {
		return this.unanswered.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Server errors other than 503: a failure, never an answer to load.
	 * @return their count
	 */
	long serverErrors() {
		return this.byStatus.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() >= 500 && entry.getKey() != 503)
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	/**
	 * Answers that are neither the phase's success nor a refusal nor a server error (a
	 * 400 would say the load itself was malformed).
	 * @param success the status of a request served
	 * @return their count
	 */
	long otherAnswers(int success) {
		Set<Integer> expected = Set.of(success, 429, 503);
		return this.byStatus.entrySet()
			.stream()
			.filter((entry) -> !expected.contains(entry.getKey()) && entry.getKey() < 500)
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

}
