package newsroom.enrich.story;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import newsroom.enrich.story.ArticleProfile.ProfileEntity;
import newsroom.events.EntityType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The story score, part by part, on profiles written by hand: what each part measures and
 * how they combine.
 */
class StoryScorerTests {

	private static final Instant NOON = Instant.parse("2024-05-14T12:00:00Z");

	private static final StoryScorer scorer = new StoryScorer(StoryWeights.DEFAULT, Duration.ofHours(72));

	private static final List<ProfileEntity> MINISTER = List.of(
			new ProfileEntity("Lena Korhonen", EntityType.PERSON, 1.0, List.of("lena korhonen", "korhonen")),
			new ProfileEntity("Valdoria", EntityType.LOCATION, 0.6, List.of("valdoria")));

	@Test
	void joinsTwoVersionsOfOneEvent() {
		ArticleProfile first = profile(NOON, Map.of("fuel", 0.6, "tax", 0.5, "#310", 0.5, "litr", 0.38), MINISTER);
		ArticleProfile second = profile(NOON.plusSeconds(3600), Map.of("fuel", 0.7, "duti", 0.5, "#310", 0.5),
				MINISTER);

		StoryScore score = scorer.score(second, first);

		assertThat(score.content()).isCloseTo(0.6 * 0.7 + 0.5 * 0.5, within(1e-6));
		assertThat(score.entities()).isEqualTo(1.0);
		assertThat(score.joins()).isTrue();
	}

	@Test
	void keepsApartTwoEventsThatShareTheirEntitiesButNotWhatHappened() {
		ArticleProfile fuel = profile(NOON, Map.of("fuel", 0.7, "tax", 0.6, "financ", 0.2, "minist", 0.2), MINISTER);
		ArticleProfile hospitals = profile(NOON.plusSeconds(3600),
				Map.of("hospit", 0.7, "surgeri", 0.6, "financ", 0.2, "minist", 0.2), MINISTER);

		StoryScore score = scorer.score(hospitals, fuel);

		assertThat(score.entities()).isEqualTo(1.0);
		assertThat(score.content()).isLessThan(StoryWeights.DEFAULT.minContent());
		assertThat(score.joins()).isFalse();
	}

	@Test
	void combinesContentEntitiesAndTimeAsDocumented() {
		ArticleProfile first = profile(NOON, Map.of("quake", 0.8, "rescu", 0.6), MINISTER.subList(0, 1));
		ArticleProfile later = profile(NOON.plus(Duration.ofHours(36)), Map.of("quake", 0.6, "rescu", 0.8), MINISTER);

		StoryScore score = scorer.score(later, first);

		double content = 0.8 * 0.6 + 0.6 * 0.8;
		double entities = 1.0 / 1.6;
		double time = 1 - StoryWeights.DEFAULT.timePenalty() * 0.5;
		assertThat(score.content()).isCloseTo(content, within(1e-6));
		assertThat(score.entities()).isCloseTo(entities, within(1e-6));
		assertThat(score.time()).isCloseTo(time, within(1e-6));
		assertThat(score.total()).isCloseTo((0.8 * content + 0.2 * entities) * time, within(1e-6));
	}

	@Test
	void neverJoinsArticlesPublishedFurtherApartThanTheWindow() {
		ArticleProfile first = profile(NOON, Map.of("quake", 1.0), MINISTER);
		ArticleProfile same = profile(NOON.plus(Duration.ofHours(73)), Map.of("quake", 1.0), MINISTER);

		assertThat(scorer.score(same, first).joins()).isFalse();
		assertThat(scorer.score(same, first).total()).isZero();
		assertThat(scorer.score(first, same).joins()).isFalse();
	}

	@Test
	void lowersContentWhenBothGiveFiguresAndNoneAgree() {
		Map<String, Double> league = Map.of("beat", 0.6, "goal", 0.6, "#3-1", 0.53);
		Map<String, Double> cup = Map.of("beat", 0.6, "goal", 0.6, "#2-2", 0.53);
		Map<String, Double> brief = Map.of("beat", 0.6, "goal", 0.6, "striker", 0.53);

		StoryScore disagreeing = scorer.score(profile(NOON, cup, MINISTER), profile(NOON, league, MINISTER));
		StoryScore silent = scorer.score(profile(NOON, brief, MINISTER), profile(NOON, league, MINISTER));

		assertThat(disagreeing.figuresDisagree()).isTrue();
		assertThat(disagreeing.content()).isCloseTo((0.36 + 0.36) * (1 - StoryWeights.DEFAULT.numberPenalty()),
				within(1e-6));
		assertThat(silent.figuresDisagree()).isFalse();
		assertThat(silent.content()).isCloseTo(0.36 + 0.36, within(1e-6));
	}

	@Test
	void neverJoinsWhenBothLeadsGiveResultsAndNoneAgree() {
		Map<String, Double> game = Map.of("beat", 0.6, "goal", 0.6, "#3-1", 0.53);
		ArticleProfile first = new ArticleProfile(NOON, "lakeside", List.of("sport"), game, MINISTER, List.of("#3-1"));
		ArticleProfile second = new ArticleProfile(NOON, "lakeside", List.of("sport"), game, MINISTER, List.of("#2-2"));
		ArticleProfile silent = new ArticleProfile(NOON, "lakeside", List.of("sport"), game, MINISTER, List.of());

		StoryScore disagreeing = scorer.score(second, first);

		assertThat(disagreeing.resultsDisagree()).isTrue();
		assertThat(disagreeing.total()).isGreaterThanOrEqualTo(StoryWeights.DEFAULT.threshold());
		assertThat(disagreeing.joins()).isFalse();
		assertThat(disagreeing)
			.hasToString("total 1.000 = (content 1.000, entities 1.000) × time 1.000, results disagree");
		assertThat(scorer.score(silent, first).joins()).isTrue();
	}

	@Test
	void matchesEntitiesBySharedKeysEachOnce() {
		List<ProfileEntity> one = List.of(
				new ProfileEntity("European Space Agency", EntityType.ORGANIZATION, 0.8,
						List.of("european space agency", "esa")),
				new ProfileEntity("Kourou", EntityType.LOCATION, 0.4, List.of("kourou")));
		List<ProfileEntity> other = List.of(new ProfileEntity("ESA", EntityType.ORGANIZATION, 0.6, List.of("esa")),
				new ProfileEntity("Kiruna", EntityType.LOCATION, 0.4, List.of("kiruna")));

		StoryScore score = scorer.score(profile(NOON, Map.of("orbit", 1.0), other),
				profile(NOON, Map.of("orbit", 1.0), one));

		// min(0.8, 0.6) shared; the larger of the pair and both unshared places besides.
		assertThat(score.entities()).isCloseTo(0.6 / (0.8 + 0.4 + 0.4), within(1e-6));
	}

	@Test
	void explainsItselfInOneLine() {
		StoryScore score = scorer.score(profile(NOON, Map.of("quake", 1.0), MINISTER),
				profile(NOON, Map.of("quake", 1.0), MINISTER));

		assertThat(score).hasToString("total 1.000 = (content 1.000, entities 1.000) × time 1.000, joins");
	}

	static ArticleProfile profile(Instant published, Map<String, Double> terms, List<ProfileEntity> entities) {
		return new ArticleProfile(published, "lakeside", List.of("politics"), terms, entities);
	}

}
