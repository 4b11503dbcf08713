package newsroom.bench.chaos;

import java.util.List;
import java.util.Map;
import java.util.Set;

import newsroom.bench.stack.IndexContents;
import newsroom.bench.stack.TopicCounts;
import newsroom.events.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Verdict}: what counts as lost, doubled, unexpected and a wrong dead-letter
 * topic, from the counts the chaos run reads.
 */
class VerdictTests {

	private static final String RAW_POISON = "chaos-poison-t-raw-not-json";

	private static final String ENRICHED_POISON = "chaos-poison-t-enriched-not-json";

	private static final Map<String, List<String>> POISON = Map.of(Topics.RAW_DLT, List.of(RAW_POISON),
			Topics.ENRICHED_DLT, List.of(ENRICHED_POISON));

	@Test
	void passesWhenEveryArticleIsOnceEverywhereAndOnlyThePoisonIsDeadLettered() {
		Verdict verdict = Verdict.of(Set.of("a", "b"), topic(Topics.RAW, Map.of("a", 1, "b", 1, RAW_POISON, 1)),
				topic(Topics.ENRICHED, Map.of("a", 1, "b", 1, ENRICHED_POISON, 1)),
				new IndexContents(2, List.of("a", "b")), POISON,
				deadLetters(Map.of(RAW_POISON, 1), Map.of(ENRICHED_POISON, 1)));

		assertThat(verdict.problems()).isEmpty();
		assertThat(verdict.raw()).isEqualTo(new Verdict.Stage(2, 2, 0, 0));
		assertThat(verdict.deadLetters().values()).allMatch(Verdict.DeadLetters::exact);
	}

	@Test
	void countsSubmittedIdsMissingFromTheIndexAsLost() {
		Verdict verdict = Verdict.of(Set.of("a", "b", "c"), topic(Topics.RAW, Map.of("a", 1, "b", 1, "c", 1)),
				topic(Topics.ENRICHED, Map.of("a", 1, "b", 1, "c", 1)), new IndexContents(1, List.of("b")), Map.of(),
				deadLetters(Map.of(), Map.of()));

		assertThat(verdict.lost()).containsExactly("a", "c");
		assertThat(verdict.problems()).containsExactly("2 lost (submitted, not in the index)");
	}

	@Test
	void countsAnIdEnrichedTwiceAsDoubledAndNotOnePerRaw() {
		Verdict verdict = Verdict.of(Set.of("a", "b"), topic(Topics.RAW, Map.of("a", 1, "b", 1)),
				topic(Topics.ENRICHED, Map.of("a", 2, "b", 1)), new IndexContents(2, List.of("a", "b")), Map.of(),
				deadLetters(Map.of(), Map.of()));

		assertThat(verdict.doubled()).containsExactly("a");
		assertThat(verdict.enriched().doubled()).isEqualTo(1);
		assertThat(verdict.enrichedNotOnePerRaw()).containsExactly("a");
		assertThat(verdict.lost()).isEmpty();
	}

	@Test
	void countsAnIdPublishedTwiceByIngestAsDoubledEvenWhenEnrichedOncePerRecord() {
		Verdict verdict = Verdict.of(Set.of("a"), topic(Topics.RAW, Map.of("a", 2)),
				topic(Topics.ENRICHED, Map.of("a", 2)), new IndexContents(1, List.of("a")), Map.of(),
				deadLetters(Map.of(), Map.of()));

		assertThat(verdict.doubled()).containsExactly("a");
		assertThat(verdict.enrichedNotOnePerRaw()).isEmpty();
	}

	@Test
	void countsIndexDocumentsBeyondTheDistinctIds() {
		Verdict verdict = Verdict.of(Set.of("a"), topic(Topics.RAW, Map.of("a", 1)),
				topic(Topics.ENRICHED, Map.of("a", 1)), new IndexContents(2, List.of("a")), Map.of(),
				deadLetters(Map.of(), Map.of()));

		assertThat(verdict.extraDocuments()).isEqualTo(1);
		assertThat(verdict.problems()).containsExactly("1 index documents beyond the distinct ids");
	}

	@Test
	void reportsIdsNobodySubmittedButLeavesThePoisonOut() {
		Verdict verdict = Verdict.of(Set.of("a"), topic(Topics.RAW, Map.of("a", 1, "stray", 1, RAW_POISON, 1)),
				topic(Topics.ENRICHED, Map.of("a", 1, "stray", 1)), new IndexContents(2, List.of("a", "stray")),
				Map.of(Topics.RAW_DLT, List.of(RAW_POISON)), deadLetters(Map.of(RAW_POISON, 1), Map.of()));

		assertThat(verdict.unexpected()).containsExactly("stray");
		assertThat(verdict.raw().records()).isEqualTo(2);
	}

	@Test
	void failsWhenADeadLetterTopicHoldsAnArticleOrThePoisonTwice() {
		Verdict verdict = Verdict.of(Set.of("a"), topic(Topics.RAW, Map.of("a", 1, RAW_POISON, 1)),
				topic(Topics.ENRICHED, Map.of("a", 1, ENRICHED_POISON, 1)), new IndexContents(1, List.of("a")), POISON,
				deadLetters(Map.of(RAW_POISON, 2), Map.of(ENRICHED_POISON, 1, "a", 1)));

		assertThat(verdict.deadLetters().get(Topics.RAW_DLT).exact()).isFalse();
		assertThat(verdict.deadLetters().get(Topics.ENRICHED_DLT).exact()).isFalse();
		assertThat(verdict.problems()).hasSize(2);
	}

	@Test
	void failsWhenAnInjectedPoisonRecordNeverReachedItsDeadLetterTopic() {
		Verdict verdict = Verdict.of(Set.of("a"), topic(Topics.RAW, Map.of("a", 1, RAW_POISON, 1)),
				topic(Topics.ENRICHED, Map.of("a", 1, ENRICHED_POISON, 1)), new IndexContents(1, List.of("a")), POISON,
				deadLetters(Map.of(RAW_POISON, 1), Map.of()));

		assertThat(verdict.deadLetters().get(Topics.ENRICHED_DLT).exact()).isFalse();
		assertThat(verdict.deadLetters().get(Topics.ENRICHED_DLT).foundCount()).isZero();
	}

	private static TopicCounts topic(String name, Map<String, Integer> perKey) {
		return new TopicCounts(name, perKey, Map.of());
	}

	private static Map<String, TopicCounts> deadLetters(Map<String, Integer> raw, Map<String, Integer> enriched) {
		return Map.of(Topics.RAW_DLT, topic(Topics.RAW_DLT, raw), Topics.ENRICHED_DLT,
				topic(Topics.ENRICHED_DLT, enriched));
	}

}
