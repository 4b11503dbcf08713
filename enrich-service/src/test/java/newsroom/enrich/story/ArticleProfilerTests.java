package newsroom.enrich.story;

import java.time.Instant;

import newsroom.enrich.Enrichers;
import newsroom.enrich.TestArticles;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Enricher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The profile story assignment compares articles by, from the real enricher's analysis.
 */
class ArticleProfilerTests {

	private static final Instant PUBLISHED = Instant.parse("2024-03-09T17:05:00Z");

	private final Enricher enricher = TestArticles.enricher();

	private final ArticleProfiler profiler = Enrichers.storyProfiler(StoryWeights.DEFAULT);

	@Test
	void keepsScoresAndTollsAsTermsOfTheirOwn() {
		ArticleProfile profile = profile("Riverton beat Harbour City 3–1",
				"Riverton beat Harbour City 3–1 on Saturday before 12,000 fans. The striker scored twice.");

		assertThat(profile.terms()).containsKeys("#3-1", "#12000");
		assertThat(ArticleProfiler.isFigure("#3-1")).isTrue();
		assertThat(ArticleProfiler.isFigure("#2024")).isFalse();
		assertThat(ArticleProfiler.isFigure("#7")).isFalse();
	}

	@Test
	void keepsTheResultsOfTheTitleAndFirstSentenceOnly() {
		ArticleProfile profile = profile("Harbour City level the series",
				"Harbour City beat Riverton 2–0 on Wednesday. Riverton had won the first game 3–1 on Sunday.");

		assertThat(profile.results()).containsExactly("#2-0");
		assertThat(profile.terms()).containsKeys("#2-0", "#3-1");
	}

	@Test
	void weighsRareWordsAboveCommonOnesAndDropsStopWords() {
		ArticleProfile profile = profile("Aftershocks rattle the valley",
				"Aftershocks rattled the valley and said little about what they would do next.");

		assertThat(profile.terms()).containsKey("aftershock").doesNotContainKeys("the", "and", "what");
		assertThat(profile.terms().get("aftershock")).isGreaterThan(profile.terms().getOrDefault("said", 0.0));
	}

	@Test
	void countsTheLeadAboveTheLaterSentences() {
		ArticleProfile profile = profile("Council meets",
				"Engineers inspected the viaduct on Monday. Nothing else happened. Nothing else happened again. "
						+ "Nothing else happened at all. Nothing else happened later. Volunteers repainted the kiosk.");

		assertThat(profile.terms().get("viaduct")).isGreaterThan(profile.terms().get("kiosk"));
	}

	@Test
	void keepsTheSalientEntitiesWithTheirKeysAndATermVectorOfUnitLength() {
		ArticleProfile profile = profile("Marion Tully calls Felixstowe strike",
				"Marion Tully, general secretary of the United Transport Workers union, called a strike at the Port of "
						+ "Felixstowe on Monday. Tully said the 72-hour stoppage would start on March 27.");

		assertThat(profile.entities()).anySatisfy((entity) -> assertThat(entity.keys()).contains("tully"));
		double length = profile.terms().values().stream().mapToDouble((weight) -> weight * weight).sum();
		assertThat(length).isCloseTo(1.0, within(0.01));
		assertThat(profile.terms()).hasSizeLessThanOrEqualTo(ArticleProfiler.MAX_TERMS);
		assertThat(profile.publishedAt()).isEqualTo(PUBLISHED);
		assertThat(profile.source()).isEqualTo("coastpost");
	}

	private ArticleProfile profile(String title, String text) {
		Document document = this.enricher.document(title, text, "en");
		return this.profiler.profile(document, PUBLISHED, "coastpost");
	}

}
