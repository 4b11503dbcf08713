package newsroom.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One phase of the load run as the report holds it: what was offered, how every request
 * ended, the service's memory, and why the phase failed, if it did. A phase passes when
 * every request sent was answered, with the service's success status or a 429 or 503 that
 * says {@code Retry-After}, no other server error, and the memory stayed bounded.
 *
 * @param name what the phase did
 * @param service the service under load
 * @param rateLimit whether the per-client rate limit was on
 * @param offeredPerSecond ingest: articles due per second (open loop); search: 0
 * @param clients search: concurrent clients; ingest: requests open at once at most
 * @param seconds how long requests were sent
 * @param sent requests sent
 * @param notSent ingest: articles due while the client had {@code clients} requests open
 * @param answered requests answered
 * @param byStatus answers per status
 * @param refusals 429 and 503 answers
 * @param withRetryAfter of those, with {@code Retry-After}
 * @param refusalsByTitle of those, per status and problem title: which guard refused
 * @param unanswered requests without an answer (timeouts, refused or reset connections)
 * @param unansweredByReason the same per reason
 * @param serverErrors 5xx answers other than 503
 * @param otherAnswers answers that are neither success, refusal nor server error
 * @param p50Millis median time to the whole answer
 * @param p99Millis its 99th percentile
 * @param servedPerSecond answers with the success status per second
 * @param accepted ingest: ids answered 202 {@code accepted}
 * @param duplicates ingest: 202 answers {@code duplicate} (none expected)
 * @param memory the service's memory
 * @param warmup the gentler load just before the phase, not counted above
 * @param problems why the phase failed; empty when it passed
 */
record Phase(String name, String service, boolean rateLimit, double offeredPerSecond, int clients, double seconds,
		long sent, long notSent, long answered, Map<Integer, Long> byStatus, long refusals, long withRetryAfter,
		Map<String, Long> refusalsByTitle, long unanswered, Map<String, Long> unansweredByReason, long serverErrors,
		long otherAnswers, double p50Millis, double p99Millis, double servedPerSecond, long accepted, long duplicates,
		Memory memory, Warmup warmup, List<String> problems) {

	static final String INGEST = "ingest-service";

	static final String SEARCH = "search-service";

	Phase {
		byStatus = Map.copyOf(byStatus);
		refusalsByTitle = Map.copyOf(refusalsByTitle);
		unansweredByReason = Map.copyOf(unansweredByReason);
		problems = List.copyOf(problems);
	}

	static Phase ingest(String name, boolean rateLimit, double rate, int maxInFlight, OpenLoop.Result warmup,
			OpenLoop.Result result, Memory memory) {
		Answers answers = result.answers();
		List<String> problems = problems(INGEST, 202, warmup.answers(), answers, memory);
		long duplicates = warmup.duplicates() + result.duplicates();
		if (duplicates > 0) {
			problems.add(duplicates + " new articles answered as duplicates");
		}
		return new Phase(name, INGEST, rateLimit, rate, maxInFlight, result.seconds(), result.sent(), result.notSent(),
				answers.answered(), answers.byStatus(), answers.refusals(), answers.withRetryAfter(),
				answers.refusalTitles(), answers.unansweredCount(), answers.unanswered(), answers.serverErrors(),
				answers.otherAnswers(202), answers.p50Millis(), answers.p99Millis(),
				perSecond(answers.status(202), result.seconds()), result.accepted().size(), result.duplicates(), memory,
				Warmup.of(warmup.sent(), warmup.seconds(), warmup.answers()), problems);
	}

	static Phase search(String name, boolean rateLimit, int clients, SearchLoad.Result warmup, SearchLoad.Result result,
			Memory memory) {
		Answers answers = result.answers();
		return new Phase(name, SEARCH, rateLimit, 0, clients, result.seconds(), result.sent(), 0, answers.answered(),
				answers.byStatus(), answers.refusals(), answers.withRetryAfter(), answers.refusalTitles(),
				answers.unansweredCount(), answers.unanswered(), answers.serverErrors(), answers.otherAnswers(200),
				answers.p50Millis(), answers.p99Millis(), result.servedPerSecond(), 0, 0, memory,
				Warmup.of(warmup.sent(), warmup.seconds(), warmup.answers()),
				problems(SEARCH, 200, warmup.answers(), answers, memory));
	}

	/**
	 * Why a phase fails: its answers, its warm-up's answers (every request counts, the
	 * first ones to a service just started too) or its memory.
	 * @param service the service under load
	 * @param success the status of a request served
	 * @param warmup how the warm-up's requests ended
	 * @param answers how the phase's requests ended
	 * @param memory the service's memory during the phase
	 * @return the problems, a list that may be added to; empty when it passed
	 */
	static List<String> problems(String service, int success, Answers warmup, Answers answers, Memory memory) {
		List<String> problems = new ArrayList<>();
		answerProblems(service, success, answers, problems);
		List<String> early = new ArrayList<>();
		answerProblems(service, success, warmup, early);
		early.forEach((problem) -> problems.add("warm-up: " + problem));
		problems.addAll(memory.problems(service));
		return problems;
	}

	private static void answerProblems(String service, int success, Answers answers, List<String> problems) {
		if (answers.unansweredCount() > 0) {
			problems
				.add(answers.unansweredCount() + " requests to " + service + " not answered " + answers.unanswered());
		}
		if (answers.serverErrors() > 0) {
			problems.add(answers.serverErrors() + " server errors other than 503 from " + service);
		}
		if (answers.missingRetryAfter() > 0) {
			problems.add(answers.missingRetryAfter() + " answers 429 or 503 from " + service + " without Retry-After");
		}
		if (answers.otherAnswers(success) > 0) {
			problems.add(answers.otherAnswers(success) + " answers from " + service + " neither " + success
					+ " nor 429/503: " + answers.byStatus());
		}
		if (answers.answered() == 0) {
			problems.add("no request to " + service + " was answered");
		}
	}

	private static double perSecond(long count, double seconds) {
		return (seconds > 0) ? count / seconds : 0;
	}

	/**
	 * The warm-up before a phase: a few clients, so that a service just started (its code
	 * not yet compiled, its Kafka producer not yet made) is not met by the whole load at
	 * once. Its requests must be answered too.
	 *
	 * @param sent requests sent
	 * @param seconds how long
	 * @param byStatus answers per status
	 * @param unanswered requests without an answer
	 */
	record Warmup(long sent, double seconds, Map<Integer, Long> byStatus, long unanswered) {

		Warmup {
			byStatus = Map.copyOf(byStatus);
		}

		static Warmup of(long sent, double seconds, Answers answers) {
			return new Warmup(sent, seconds, answers.byStatus(), answers.unansweredCount());
		}

	}

}
