package newsroom.enrich;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import newsroom.enrich.analysis.Enricher;
import newsroom.events.Enrichment;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Acceptance 1 of the enrich issue, on the scraped sample article as ingest would clean
 * it (cut at the repeated headline, where the page furniture and the author bio start)
 * and as scraped, furniture and bio included: the enricher must find the same story in
 * both.
 */
class SampleArticleTests {

	private static final Enricher enricher = TestArticles.enricher();

	/** Words of the page furniture and the author bio that must never become entities. */
	private static final List<String> NOT_THE_STORY = List.of("Chloe", "Ren", "Eastside", "East", "DECA", "Speech",
			"Debate", "Chipotle", "YouTube", "Spotify", "Contributor", "Tags", "Story", "News Editor");

	static Stream<Arguments> texts() {
		String scraped = TestArticles.sample(TestArticles.SAMPLE);
		String cleaned = scraped.substring(0, scraped.indexOf("\n" + TestArticles.SAMPLE_TITLE + "\n"));
		return Stream.of(Arguments.of("cleaned", cleaned), Arguments.of("scraped", scraped));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("texts")
	void findsThePlacesOfTheStory(String form, String text) {
		assertThat(enrich(text).entities()).filteredOn((entity) -> entity.type() == EntityType.LOCATION)
			.extracting(Entity::name, Entity::countryCode)
			.contains(tuple("North Korea", "KP"), tuple("Russia", "RU"), tuple("Ukraine", "UA"), tuple("Kursk", "RU"),
					tuple("Pyongyang", "KP"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("texts")
	void findsThePeopleOfTheStoryWithOnePutin(String form, String text) {
		List<Entity> people = enrich(text).entities()
			.stream()
			.filter((entity) -> entity.type() == EntityType.PERSON)
			.toList();

		assertThat(people).extracting(Entity::name).contains("Anthony Blinken", "Kim Yong-hyun", "Volodymyr Zelensky");
		assertThat(people).filteredOn((person) -> person.name().contains("Putin"))
			.singleElement()
			.satisfies((putin) -> assertThat(putin.mentions()).isEqualTo(2));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("texts")
	void ranksNorthKoreaMostSalient(String form, String text) {
		List<Entity> entities = enrich(text).entities();

		assertThat(entities.get(0).name()).isEqualTo("North Korea");
		assertThat(entities).allSatisfy((entity) -> assertThat(entity.salience()).isBetween(0.0, 1.0));
		assertThat(entities).extracting(Entity::salience).isSortedAccordingTo((a, b) -> Double.compare(b, a));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("texts")
	void takesNoEntityFromFurnitureOrBio(String form, String text) {
		assertThat(enrich(text).entities()).extracting(Entity::name)
			.allSatisfy((name) -> assertThat(NOT_THE_STORY).noneMatch(name::contains));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("texts")
	void tagsConflictAndPolitics(String form, String text) {
		assertThat(enrich(text).tags()).contains("conflict-war-peace", "politics")
			.startsWith("conflict-war-peace")
			.doesNotHaveDuplicates();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("texts")
	void summarisesInOneToThreeSentencesAboutNorthKoreaWithoutFurniture(String form, String text) {
		String summary = enrich(text).summary();

		assertThat(summary).contains("North Korea").hasSizeLessThanOrEqualTo(600);
		// A sentence ends after a lower-case letter or digit (not after the "S." of
		// "U.S.").
		assertThat(summary.split("(?<=[\\p{Ll}\\p{N}][.!?][”\"]?) (?=[“\"]?\\p{Lu})")).hasSizeBetween(1, 3);
		assertThat(summary.toLowerCase(Locale.ROOT)).doesNotContain("advertisement", "contributor", "tags:", "chloe",
				"deploys troops");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("texts")
	void keepsTenLowerCaseKeywordsAboutTheStory(String form, String text) {
		List<String> keywords = enrich(text).keywords();

		assertThat(keywords).hasSizeLessThanOrEqualTo(10)
			.contains("north korea", "troops")
			.allSatisfy((keyword) -> assertThat(keyword).isEqualTo(keyword.toLowerCase(Locale.ROOT)))
			.noneMatch((keyword) -> keyword.contains("chipotle") || keyword.contains("spotify"));
	}

	private static Enrichment enrich(String text) {
		return enricher.enrich(TestArticles.SAMPLE_TITLE, text, null);
	}

}
