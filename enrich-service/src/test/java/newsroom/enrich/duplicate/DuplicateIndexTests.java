package newsroom.enrich.duplicate;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DuplicateIndexTests {

	private static final Instant T0 = Instant.parse("2024-11-01T10:00:00Z");

	private static final long A = 0x0F0F_1234_ABCD_5678L;

	private final DuplicateIndex index = new DuplicateIndex(3);

	@Test
	void findsEarlierArticleWithinMaxDistance() {
		this.index.add("a", A, T0);

		assertThat(this.index.earlierDuplicate("b", A ^ 0b111L)).contains("a");
		assertThat(this.index.earlierDuplicate("b", A ^ 0x8000_0000_0000_0001L)).contains("a");
	}

	@Test
	void ignoresArticlesBeyondMaxDistance() {
		this.index.add("a", A, T0);

		assertThat(this.index.earlierDuplicate("b", A ^ 0b1111L)).isEmpty();
		assertThat(this.index.earlierDuplicate("b", ~A)).isEmpty();
	}

	@Test
	void checksEveryBitPositionWithTheBlocks() {
		this.index.add("a", A, T0);
		for (int bit = 0; bit < 61; bit++) {
			long threeBits = A ^ (0b111L << bit);
			assertThat(this.index.earlierDuplicate("b", threeBits)).as("bits %d..%d", bit, bit + 2).contains("a");
		}
	}

	@Test
	void neverPointsAtItselfOrAtLaterArticles() {
		this.index.add("a", A, T0);
		this.index.add("b", A ^ 1, T0.plusSeconds(60));

		assertThat(this.index.earlierDuplicate("a", A)).isEmpty();
		assertThat(this.index.earlierDuplicate("b", A ^ 1)).contains("a");
	}

	@Test
	void keepsFirstSeenTimeAcrossRevisions() {
		this.index.add("a", A, T0);
		this.index.add("b", A ^ 1, T0.plusSeconds(60));
		this.index.add("a", A ^ 2, T0.plusSeconds(120));

		assertThat(this.index.firstSeen("a")).contains(T0);
		assertThat(this.index.earlierDuplicate("a", A ^ 2)).isEmpty();
		assertThat(this.index.size()).isEqualTo(2);
	}

	@Test
	void prefersClosestThenEarliest() {
		this.index.add("far", A ^ 0b11L, T0);
		this.index.add("near", A ^ 0b1L, T0.plusSeconds(60));
		this.index.add("near-too", A ^ 0b10L, T0.plusSeconds(120));

		assertThat(this.index.earlierDuplicate("new", A)).contains("near");
	}

	@Test
	void neverMatchesEmptyText() {
		this.index.add("empty", 0, T0);

		assertThat(this.index.earlierDuplicate("other", 0)).isEmpty();
		assertThat(this.index.size()).isZero();
	}

	@Test
	void stagedFingerprintsAreSeenWithinTheBatchAndReachTheIndexOnlyOnCommit() {
		this.index.add("a", A, T0);
		DuplicateIndex.Staging batch = this.index.staging();
		batch.add("b", ~A, T0.plusSeconds(60));

		assertThat(batch.earlierDuplicate("c", ~A ^ 1)).contains("b");
		assertThat(batch.earlierDuplicate("c", A ^ 1)).contains("a");
		assertThat(batch.firstSeen("b")).contains(T0.plusSeconds(60));
		assertThat(this.index.earlierDuplicate("c", ~A ^ 1)).isEmpty();
		assertThat(this.index.size()).isOne();

		batch.commit();

		assertThat(this.index.earlierDuplicate("c", ~A ^ 1)).contains("b");
		assertThat(this.index.size()).isEqualTo(2);
	}

	@Test
	void stagingPrefersClosestThenEarliestAcrossIndexAndBatch() {
		this.index.add("committed", A ^ 0b1L, T0);
		DuplicateIndex.Staging batch = this.index.staging();
		batch.add("staged-closer", A, T0.plusSeconds(60));
		batch.add("staged-as-close", A ^ 0b10L, T0.plusSeconds(120));

		assertThat(batch.earlierDuplicate("new", A ^ 0b100L)).contains("staged-closer");
		assertThat(batch.earlierDuplicate("new", A ^ 0b11L)).contains("committed");
	}

	@Test
	void stagedRevisionKeepsFirstSeenAndNeverPointsAtLaterArticles() {
		this.index.add("a", A, T0);
		this.index.add("b", A ^ 1, T0.plusSeconds(60));
		DuplicateIndex.Staging batch = this.index.staging();
		batch.add("c", A ^ 2, T0.plusSeconds(120));

		assertThat(batch.firstSeen("a")).contains(T0);
		assertThat(batch.earlierDuplicate("a", A ^ 3)).isEmpty();
		batch.add("a", A ^ 3, batch.firstSeen("a").orElseThrow());
		batch.commit();

		assertThat(this.index.firstSeen("a")).contains(T0);
		assertThat(this.index.earlierDuplicate("c", A ^ 2)).contains("a");
	}

	@Test
	void stagedRevisionHidesTheCommittedFingerprintItReplaces() {
		this.index.add("a", A, T0);
		DuplicateIndex.Staging batch = this.index.staging();
		batch.add("a", ~A, batch.firstSeen("a").orElseThrow());

		assertThat(batch.earlierDuplicate("b", A ^ 1)).isEmpty();
		assertThat(batch.earlierDuplicate("b", ~A ^ 1)).contains("a");
	}

	@Test
	void refusesDistancesItCannotIndex() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DuplicateIndex(16));
		assertThat(new DuplicateIndex(0).maxDistance()).isZero();
	}

	@Test
	void fingerprintsSimilarTextsCloseAndUnrelatedTextsFar() {
		List<String> text = words("Heavy rain flooded the lower valley on Monday forcing hundreds of families to "
				+ "leave their homes while rescue teams worked through the night to reach villages cut off by the "
				+ "water and officials warned that more rain was expected later in the week across the region");
		List<String> edited = words(String.join(" ", text).replace("hundreds", "dozens"));
		List<String> other = words("The central bank raised interest rates by a quarter point on Thursday citing "
				+ "stubborn inflation in services and a labour market that remains tight despite slower growth");

		assertThat(SimHash.distance(SimHash.of(text), SimHash.of(text))).isZero();
		assertThat(SimHash.distance(SimHash.of(text), SimHash.of(edited))).isLessThanOrEqualTo(8);
		assertThat(SimHash.distance(SimHash.of(text), SimHash.of(other))).isGreaterThan(12);
		assertThat(SimHash.of(List.of())).isZero();
	}

	private static List<String> words(String text) {
		return List.of(text.split(" "));
	}

}
