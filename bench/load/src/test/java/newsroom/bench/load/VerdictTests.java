package newsroom.bench.load;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

import newsroom.bench.stack.IndexContents;
import newsroom.bench.stack.TopicCounts;
import newsroom.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the load run counts as a pass: every request answered with the success status or a
 * 429/503 carrying {@code Retry-After}, no other server error, memory under its bound and
 * not growing, and every accepted article on the raw topic and in the index once.
 */
class VerdictTests {

	private static final Memory STEADY = Memory.of(250, 40, 45, samples(400, 400));

	@Test
	void passesAPhaseWhoseRefusalsAllSayWhenToRetry() {
		Answers answers = new Answers(Map.of(202, 900L, 429, 80L, 503, 20L), 100, Map.of(), Map.of(), 40, 900);

		assertThat(Phase.problems(Phase.INGEST, 202, answers, answers, STEADY)).isEmpty();
	}

	@Test
	void failsAPhaseWithUnansweredRequests() {
		Answers answers = new Answers(Map.of(202, 900L), 0, Map.of(), Map.of("timeout", 3L), 40, 30_000);

		assertThat(Phase.problems(Phase.INGEST, 202, clean(202), answers, STEADY))
			.containsExactly("3 requests to ingest-service not answered {timeout=3}");
	}

	@Test
	void failsARefusalWithoutRetryAfter() {
		Answers answers = new Answers(Map.of(200, 500L, 429, 10L, 503, 2L), 11, Map.of(), Map.of(), 40, 900);

		assertThat(Phase.problems(Phase.SEARCH, 200, clean(200), answers, STEADY))
			.containsExactly("1 answers 429 or 503 from search-service without Retry-After");
	}

	@Test
	void failsServerErrorsOtherThan503AndAnswersThatAreNoneOfTheExpected() {
		Answers answers = new Answers(Map.of(200, 500L, 500, 1L, 504, 1L, 400, 2L), 0, Map.of(), Map.of(), 40, 900);

		assertThat(Phase.problems(Phase.SEARCH, 200, clean(200), answers, STEADY)).containsExactly(
				"2 server errors other than 503 from search-service",
				"2 answers from search-service neither 200 nor 429/503: " + answers.byStatus());
	}

	@Test
	void countsTheWarmUpsRequestsToo() {
		Answers warmup = new Answers(Map.of(202, 10L), 0, Map.of(), Map.of("connection refused", 1L), 40, 900);

		assertThat(Phase.problems(Phase.INGEST, 202, warmup, clean(202), STEADY))
			.containsExactly("warm-up: 1 requests to ingest-service not answered {connection refused=1}");
	}

	@Test
	void namesTheRefusalByItsProblemTitleAndAnUnansweredRequestByItsCause() {
		assertThat(Tally.title("{\"type\":\"about:blank\",\"title\": \"Service busy\",\"status\":503}"))
			.isEqualTo("Service busy");
		assertThat(Tally.title("<html>busy</html>")).isEqualTo("(no problem title)");
		assertThat(Tally.reason(new CompletionException(new HttpTimeoutException("request timed out"))))
			.isEqualTo("timeout");
		assertThat(Tally.reason(new ConnectException("refused"))).isEqualTo("connection refused");
	}

	@Test
	void summarisesMemoryOverThePhase() {
		Memory memory = Memory.of(240, 40, 52, samples(300, 360));

		assertThat(memory.restMb()).isEqualTo(240);
		assertThat(memory.peakMb()).isEqualTo(360);
		assertThat(memory.endMb()).isEqualTo(360);
		assertThat(memory.firstWindowMb()).isCloseTo(300 + 60 * 9.5 / 59, within(0.001));
		assertThat(memory.lastWindowMb()).isCloseTo(300 + 60 * 49.5 / 59, within(0.001));
		assertThat(memory.heapPeakMb()).isEqualTo(100);
		assertThat(memory.retainedMb()).isEqualTo(12);
		assertThat(memory.samples()).hasSize(60);
	}

	@Test
	void failsMemoryAboveItsBoundOrKeptAliveAfterThePhase() {
		assertThat(Memory.of(250, 40, 100, samples(400, 420)).problems(Phase.INGEST)).isEmpty();
		assertThat(Memory.of(250, 40, 120, samples(400, 420)).problems(Phase.INGEST)).singleElement()
			.satisfies((problem) -> assertThat(problem).contains("kept 80 MB more heap alive", "more than 64 MB"));
		assertThat(Memory.of(250, 40, 45, samples(1_000, 1_030)).problems(Phase.INGEST)).singleElement()
			.satisfies((problem) -> assertThat(problem).contains("peaked at 1030 MB, above the bound of 1024 MB"));
	}

	@Test
	void passesAResidentSetThatGrewInAStepWhileTheHeapKeptNothing() {
		List<Memory.Sample> step = new ArrayList<>();
		for (int second = 0; second < 60; second++) {
			step.add(new Memory.Sample(second, (second < 58) ? 405 : 470, 120));
		}
		Memory memory = Memory.of(280, 41, 48, step);

		assertThat(memory.lastWindowMb()).isGreaterThan(memory.firstWindowMb());
		assertThat(memory.problems(Phase.INGEST)).isEmpty();
	}

	@Test
	void judgesNoRetentionWhenTheLiveHeapIsUnknown() {
		Memory memory = Memory.of(280, -1, 300, samples(400, 420));

		assertThat(memory.retainedMb()).isEqualTo(-1);
		assertThat(memory.problems(Phase.INGEST)).isEmpty();
	}

	@Test
	void passesDeliveryWhenEveryAcceptedArticleIsOnTheTopicAndIndexedOnce() {
		Delivery delivery = Delivery.of(Set.of("a", "b"), Set.of("c"), raw(Map.of("a", 1, "b", 1, "c", 1, "late", 1)),
				new IndexContents(4, List.of("a", "b", "c", "late")), 12);

		assertThat(delivery.problems()).isEmpty();
		assertThat(delivery.indexed()).isEqualTo(2);
		// Published after its client gave up: not accepted, not lost, said.
		assertThat(delivery.publishedUnanswered()).isEqualTo(1);
	}

	@Test
	void countsAnAcceptedArticleMissingFromTheIndexAsLost() {
		Delivery delivery = Delivery.of(Set.of("a", "b"), Set.of(), raw(Map.of("a", 1, "b", 1)),
				new IndexContents(1, List.of("b")), 12);

		assertThat(delivery.lost()).isEqualTo(1);
		assertThat(delivery.lostIds()).containsExactly("a");
		assertThat(delivery.problems()).containsExactly("1 accepted articles lost (not in the index)");
	}

	@Test
	void countsAnAcceptedArticleNotOnTheRawTopicAndOnePublishedTwice() {
		Delivery delivery = Delivery.of(Set.of("a", "b"), Set.of(), raw(Map.of("b", 2)),
				new IndexContents(2, List.of("a", "b")), 12);

		assertThat(delivery.missingOnRaw()).isEqualTo(1);
		assertThat(delivery.doubled()).isEqualTo(1);
		assertThat(delivery.doubledIds()).containsExactly("b");
		assertThat(delivery.problems()).containsExactly("1 accepted articles not on the raw topic",
				"1 accepted articles doubled");
	}

	@Test
	void countsIndexDocumentsBeyondTheDistinctIdsAsDoubled() {
		Delivery delivery = Delivery.of(Set.of("a"), Set.of(), raw(Map.of("a", 1)), new IndexContents(2, List.of("a")),
				12);

		assertThat(delivery.doubled()).isEqualTo(1);
	}

	@Test
	void failsTheRunOnAnyPhaseOrDeliveryProblem() {
		Delivery lost = Delivery.of(Set.of("a"), Set.of(), raw(Map.of("a", 1)), new IndexContents(0, List.of()), 12);
		Answers answers = new Answers(Map.of(202, 1L), 0, Map.of(), Map.of(), 40, 900);
		OpenLoop.Result result = new OpenLoop.Result(1, 0, 60, answers, Set.of("a"), 0);
		Phase phase = Phase.ingest("ingest", false, 300, 256, result, result, STEADY);

		LoadReport report = LoadReport.of("now", "full", new LoadReport.Absorb(30, 2000, 66, "measured"), 300,
				List.of(phase), lost, 100, null, null);

		assertThat(phase.problems()).isEmpty();
		assertThat(report.passed()).isFalse();
		assertThat(report.problems()).containsExactly("1 accepted articles lost (not in the index)");
	}

	@Test
	void writesTheFiguresTheReadmesQuote(@TempDir Path folder) throws IOException {
		Answers answers = new Answers(Map.of(202, 1L), 0, Map.of(), Map.of(), 40, 900);
		OpenLoop.Result result = new OpenLoop.Result(1, 2, 60, answers, Set.of("a"), 0);
		Phase phase = Phase.ingest("ingest", false, 300, 256, result, result, STEADY);
		Delivery delivery = Delivery.of(Set.of("a"), Set.of(), raw(Map.of("a", 1)), new IndexContents(1, List.of("a")),
				12);
		LoadReport report = LoadReport.of("now", "full", new LoadReport.Absorb(30, 2000, 66, "measured"), 300,
				List.of(phase), delivery, 100, null, null);

		String json = Files.readString(report.write(folder));

		assertThat(report.write(folder)).hasFileName("load-latest.json");
		assertThat(json).contains("\"passed\" : true", "\"target_per_second\" : 300.0", "\"not_sent\" : 2",
				"\"with_retry_after\" : 0", "\"lost\" : 0", "\"drain_seconds\" : 12.0",
				"\"samples\" : [ [ 0.0, 400.0, 100.0 ], [ 1.0, 400.0, 100.0 ]");
		assertThat(report.markdown()).contains("| ingest | 300/s open loop | 1 (2) | 202: 1 |", "PASSED");
	}

	private static Answers clean(int success) {
		return new Answers(Map.of(success, 10L), 0, Map.of(), Map.of(), 40, 900);
	}

	/** A minute of samples rising evenly from one figure to another, heap 100 MB. */
	private static List<Memory.Sample> samples(double fromMb, double toMb) {
		List<Memory.Sample> samples = new ArrayList<>();
		for (int second = 0; second < 60; second++) {
			samples.add(new Memory.Sample(second, fromMb + (toMb - fromMb) * second / 59, 100));
		}
		return samples;
	}

	private static TopicCounts raw(Map<String, Integer> perKey) {
		return new TopicCounts(Topics.RAW, perKey, Map.of());
	}

}
