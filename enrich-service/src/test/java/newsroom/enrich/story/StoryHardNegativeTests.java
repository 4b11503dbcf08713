package newsroom.enrich.story;

import java.time.Duration;
import java.time.Instant;

import newsroom.enrich.Enrichers;
import newsroom.enrich.TestArticles;
import newsroom.enrich.analysis.Enricher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Articles of {@code bench/stories/dev.jsonl} through the real enricher and the default
 * weights: two events that share their main entities stay apart, and versions of one
 * event that share few words still join.
 */
class StoryHardNegativeTests {

	private static final String GAME_ONE_TITLE = "Weidlich's 24 points give ALBA the edge over Bamberg";

	private static final String GAME_ONE = """
			Jonas Weidlich scored 24 points, 14 of them in the third quarter, as ALBA Berlin pulled away from \
			Bamberg Baskets to win the opening game of their best-of-three EuroCup quarter-final 88-79 on \
			Tuesday night.

			Bamberg led 41-38 at half-time behind their centre Marcus Ode, who finished with 18 points and 11 \
			rebounds. But ALBA forced seven turnovers after the break and Weidlich hit four three-pointers in \
			five minutes to open a lead of 13.

			"We were too soft with the ball in the third quarter and he punished every mistake," Bamberg coach \
			Henrik Stahl said. ALBA coach Rafael Montoya praised his bench, which outscored Bamberg's 27-9.

			Game two is in Bamberg on Thursday.""";

	private static final String GAME_TWO_TITLE = "Ode dominates as Bamberg force a decider against ALBA";

	private static final String GAME_TWO = """
			Marcus Ode scored 27 points and took 13 rebounds as Bamberg Baskets beat ALBA Berlin 91-85 on \
			Thursday, forcing a third and deciding game in their EuroCup quarter-final series.

			Two days after losing the opener 88-79 in Berlin, Bamberg never trailed. They led by 16 early in \
			the fourth quarter before ALBA cut the gap to four with a minute left. Jonas Weidlich, who scored 24 \
			in game one, was held to 15 and fouled out with 50 seconds to play.

			"We answered. Now we go to Berlin and play for everything," Bamberg coach Henrik Stahl said. His ALBA \
			counterpart Rafael Montoya blamed 19 turnovers.

			Game three is in Berlin on Sunday.""";

	private final Enricher enricher = TestArticles.enricher();

	private final ArticleProfiler profiler = Enrichers.storyProfiler(StoryWeights.DEFAULT);

	private final StoryScorer scorer = new StoryScorer(StoryWeights.DEFAULT, Duration.ofHours(72));

	@Test
	void keepsApartTwoGamesWhoseLeadsGiveDifferentResults() {
		// Published together, so that only the results keep them apart: game two's report
		// recalls game one's score, players and coaches.
		Instant published = Instant.parse("2026-03-12T22:15:00Z");
		ArticleProfile gameOne = profile(GAME_ONE_TITLE, GAME_ONE, published);
		ArticleProfile gameTwo = profile(GAME_TWO_TITLE, GAME_TWO, published);

		StoryScore score = this.scorer.score(gameTwo, gameOne);

		assertThat(gameOne.results()).containsExactly("#88-79");
		assertThat(gameTwo.results()).containsExactly("#91-85");
		assertThat(score.content()).isGreaterThanOrEqualTo(StoryWeights.DEFAULT.minContent());
		assertThat(score.total()).isGreaterThanOrEqualTo(StoryWeights.DEFAULT.threshold());
		assertThat(score.resultsDisagree()).isTrue();
		assertThat(score.joins()).isFalse();
	}

	@Test
	void joinsVersionsOfOneGameWhoseLeadsShareTheResult() {
		ArticleProfile brief = profile("ALBA Berlin beat Bamberg 88-79 in EuroCup series opener",
				"ALBA Berlin beat Bamberg Baskets 88-79 in the first game of their EuroCup quarter-final series in "
						+ "Berlin on Tuesday, with guard Jonas Weidlich scoring 24 points.",
				Instant.parse("2026-03-10T21:05:00Z"));
		ArticleProfile report = profile("Third-quarter surge puts ALBA one win from semi-finals", """
				A third quarter won 29-14 carried ALBA Berlin to an 88-79 victory over Bamberg Baskets in the first \
				game of their EuroCup quarter-final, leaving the Berlin club one win from the semi-finals.

				Marcus Ode kept Bamberg in front for most of the first half. Jonas Weidlich, held to six points \
				before the interval, then scored 14 in the third quarter and ended with 24.""",
				Instant.parse("2026-03-11T07:40:00Z"));

		StoryScore score = this.scorer.score(report, brief);

		assertThat(report.results()).containsExactly("#29-14", "#88-79");
		assertThat(score.resultsDisagree()).isFalse();
		assertThat(score.joins()).isTrue();
	}

	@Test
	void keepsApartTwoAvalanchesInOneCountyTwoDaysApart() {
		ArticleProfile skiers = profile("Two skiers killed by avalanche in northern Norway",
				"Two skiers were killed by an avalanche in the Lyngen Alps in northern Norway on Sunday, police in "
						+ "Troms said. A third member of their group was rescued.",
				Instant.parse("2026-03-08T15:10:00Z"));
		ArticleProfile road = roadCut();

		StoryScore score = this.scorer.score(road, skiers);

		// Alike in what they share (the avalanche, Troms, northern Norway); 41 hours
		// apart,
		// they must be as alike as versions published together to be one event.
		assertThat(score.content()).isGreaterThanOrEqualTo(StoryWeights.DEFAULT.minContent());
		assertThat(score.total()).isLessThan(StoryWeights.DEFAULT.threshold());
		assertThat(score.joins()).isFalse();
	}

	@Test
	void joinsVersionsOfOneAvalancheThatShareFewWords() {
		ArticleProfile road = roadCut();
		ArticleProfile ferry = profile("Ferry link for isolated Skibotn as road crews wait for snow to settle", """
				A temporary ferry began running from Skibotn on Tuesday after an avalanche blocked the only road \
				out of the village in Troms county.

				"We have food and the school is open, but people who work in Tromsø cannot get there," mayor Kari \
				Nilsen said. Road crews are waiting for the snow above the road to settle before they start \
				clearing it.""", Instant.parse("2026-03-10T17:20:00Z"));

		StoryScore score = this.scorer.score(ferry, road);

		assertThat(score.content()).isLessThan(0.35);
		assertThat(score.joins()).isTrue();
	}

	/** The first report of the avalanche that cut off Skibotn. */
	private ArticleProfile roadCut() {
		return profile("Avalanche cuts road to Norwegian village, 300 people isolated",
				"An avalanche buried a 150-metre stretch of road in Troms, northern Norway, on Tuesday, cutting off "
						+ "about 300 people in the village of Skibotn. No one was hurt.",
				Instant.parse("2026-03-10T08:35:00Z"));
	}

	private ArticleProfile profile(String title, String body, Instant published) {
		return this.profiler.profile(this.enricher.document(title, body, "en"), published, "wire");
	}

}
