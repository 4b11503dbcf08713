package newsroom.enrich.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import newsroom.enrich.story.ArticleProfile.ProfileEntity;
import newsroom.enrich.story.Assignment.Reason;
import newsroom.events.EntityType;
import newsroom.events.Story;
import newsroom.events.StoryEntity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Story assignment over the index: which story an article joins, what the snapshot says,
 * and that an article counts once however often or however concurrently it arrives.
 */
class StoryIndexTests {

	private static final Instant NOON = Instant.parse("2024-07-02T12:00:00Z");

	private static final List<ProfileEntity> SARNESK = List
		.of(new ProfileEntity("Sarnesk", EntityType.LOCATION, 1.0, List.of("sarnesk")));

	private static final List<ProfileEntity> HARBOUR = List
		.of(new ProfileEntity("Isles Link", EntityType.ORGANIZATION, 1.0, List.of("isles link")));

	private static final Map<String, Double> QUAKE = Map.of("quake", 0.7, "#5.8", 0.5, "aftershock", 0.5);

	private static final Map<String, Double> STRIKE = Map.of("ferri", 0.7, "strike", 0.6, "roster", 0.4);

	private final Clock clock = Clock.fixed(NOON.plus(Duration.ofDays(400)), ZoneOffset.UTC);

	private final StoryIndex index = new StoryIndex(new StoryScorer(StoryWeights.DEFAULT, Duration.ofHours(72)), 100,
			this.clock);

	@Test
	void startsAStoryUnderTheFirstArticlesIdAndJoinsLaterVersionsToIt() {
		Assignment first = assign("quake-1", "Quake shakes Sarnesk", quake(NOON, "northwire"), null);
		Assignment second = assign("quake-2", "Two killed in Sarnesk", quake(NOON.plusSeconds(4000), "lakeside"), null);
		Assignment other = assign("ferry-1", "Ferry crews strike", strike(NOON.plusSeconds(5000)), null);

		assertThat(first.storyId()).isEqualTo("quake-1");
		assertThat(first.reason()).isEqualTo(Reason.NEW);
		assertThat(second.storyId()).isEqualTo("quake-1");
		assertThat(second.reason()).isEqualTo(Reason.MATCHED);
		assertThat(second.matched()).isEqualTo("quake-1");
		assertThat(other.storyId()).isEqualTo("ferry-1");
		Story story = second.snapshot().orElseThrow();
		assertThat(story.title()).isEqualTo("Quake shakes Sarnesk");
		assertThat(story.articleCount()).isEqualTo(2);
		assertThat(story.sources()).containsExactly("northwire", "lakeside");
		assertThat(story.articleIds()).containsExactly("quake-2", "quake-1");
		assertThat(story.firstSeenAt()).isEqualTo(NOON);
		assertThat(story.lastSeenAt()).isEqualTo(NOON.plusSeconds(4000));
		assertThat(story.entities()).containsExactly(new StoryEntity("Sarnesk", EntityType.LOCATION));
		assertThat(story.tags()).containsExactly("disaster-accident-emergency");
	}

	@Test
	void countsAnArticleOnceWhenItArrivesAgain() {
		assign("quake-1", "Quake shakes Sarnesk", quake(NOON, "northwire"), null);
		assign("quake-2", "Two killed", quake(NOON.plusSeconds(60), "lakeside"), null);

		Assignment again = assign("quake-2", "Two killed", quake(NOON.plusSeconds(60), "lakeside"), null);
		Assignment third = assign("quake-3", "Rescuers search", quake(NOON.plusSeconds(120), "coastpost"), null);

		assertThat(again.storyId()).isEqualTo("quake-1");
		assertThat(again.reason()).isEqualTo(Reason.KNOWN);
		assertThat(again.snapshot()).isEmpty();
		assertThat(third.snapshot().orElseThrow().articleCount()).isEqualTo(3);
	}

	@Test
	void putsANearDuplicateInItsOriginalsStoryWhateverItsScore() {
		assign("quake-1", "Quake shakes Sarnesk", quake(NOON, "northwire"), null);

		Assignment copy = assign("copy-1", "Ferry crews strike", strike(NOON.plusSeconds(60)), "quake-1");

		assertThat(copy.storyId()).isEqualTo("quake-1");
		assertThat(copy.reason()).isEqualTo(Reason.DUPLICATE);
		assertThat(copy.snapshot().orElseThrow().articleCount()).isEqualTo(2);
	}

	@Test
	void showsAnUncommittedTransactionToNoOtherAndForgetsItOnRollback() {
		StoryIndex.Staging rolledBack = this.index.staging();
		rolledBack.assign("quake-1", "Quake shakes Sarnesk", quake(NOON, "northwire"), null);
		assertThat(rolledBack.assign("quake-2", "Two killed", quake(NOON, "lakeside"), null).storyId())
			.isEqualTo("quake-1");

		Assignment later = assign("quake-3", "Rescuers search", quake(NOON, "coastpost"), null);

		assertThat(later.storyId()).isEqualTo("quake-3");
		assertThat(this.index.storyOf("quake-1")).isEmpty();
	}

	@Test
	void countsTheArticlesOfTwoTransactionsThatJoinedTheSameStoryTogether() {
		assign("quake-1", "Quake shakes Sarnesk", quake(NOON, "northwire"), null);
		StoryIndex.Staging one = this.index.staging();
		StoryIndex.Staging other = this.index.staging();
		Story fromOne = one.assign("quake-2", "Two killed", quake(NOON, "lakeside"), null).snapshot().orElseThrow();
		Story fromOther = other.assign("quake-3", "Rescuers", quake(NOON, "coastpost"), null).snapshot().orElseThrow();
		one.commit();
		other.commit();

		Assignment fourth = assign("quake-4", "Schools shut", quake(NOON, "weatherline"), null);

		// Each transaction saw only its own article; the index knows both.
		assertThat(fromOne.articleCount()).isEqualTo(2);
		assertThat(fromOther.articleCount()).isEqualTo(2);
		assertThat(fourth.snapshot().orElseThrow().articleCount()).isEqualTo(4);
		assertThat(fourth.snapshot().orElseThrow().sources()).containsExactlyInAnyOrder("northwire", "lakeside",
				"coastpost", "weatherline");
	}

	@Test
	void rebuildsFromTheTopicsRecordsInAnyOrderAndCountsEachArticleOnce() {
		Instant written = this.clock.instant();
		Story snapshot = new Story(Story.SCHEMA_VERSION, "quake-1", "Quake shakes Sarnesk", 2,
				List.of("northwire", "lakeside"), List.of("quake-2", "quake-1"), NOON, NOON.plusSeconds(60),
				List.of(new StoryEntity("Sarnesk", EntityType.LOCATION)), List.of("disaster-accident-emergency"));
		this.index.addMember("quake-2", "quake-1", quake(NOON.plusSeconds(60), "lakeside"), written);
		this.index.addSnapshot(snapshot, written);
		this.index.addMember("quake-1", "quake-1", quake(NOON, "northwire"), written);
		this.index.addSnapshot(snapshot, written);
		this.index.loaded();

		Assignment third = assign("quake-3", "Rescuers search", quake(NOON.plusSeconds(120), "coastpost"), null);

		assertThat(third.storyId()).isEqualTo("quake-1");
		assertThat(third.snapshot().orElseThrow().articleCount()).isEqualTo(3);
		assertThat(third.snapshot().orElseThrow().title()).isEqualTo("Quake shakes Sarnesk");
	}

	@Test
	void forgetsStoriesNothingJoinedWithinTheWindowAndThoseKnownWithoutSnapshot() {
		Instant longAgo = this.clock.instant().minus(Duration.ofHours(73));
		this.index.addMember("quake-1", "quake-1", quake(NOON, "northwire"), longAgo);
		this.index.addSnapshot(new Story(Story.SCHEMA_VERSION, "quake-1", "Quake", 1, List.of("northwire"),
				List.of("quake-1"), NOON, NOON, List.of(), List.of()), longAgo);
		this.index.addMember("ferry-1", "ferry-1", strike(NOON), this.clock.instant());
		this.index.loaded();

		Assignment revision = assign("quake-1", "Quake", quake(NOON, "northwire"), null);

		assertThat(this.index.size()).isZero();
		assertThat(revision.storyId()).isEqualTo("quake-1");
		assertThat(revision.reason()).isEqualTo(Reason.KNOWN);
	}

	@Test
	void listsTheNewestHundredArticlesNewestFirstAndCountsThemAll() {
		Assignment last = null;
		for (int i = 0; i < 150; i++) {
			// Published out of order: every tenth arrives late.
			Instant published = NOON.plusSeconds(60L * ((i % 10 == 9) ? i - 50 : i));
			last = assign("quake-" + i, "Quake", quake(published, "source-" + (i % 7)), null);
		}

		Story story = last.snapshot().orElseThrow();
		assertThat(story.articleCount()).isEqualTo(150);
		assertThat(story.articleIds()).hasSize(Story.MAX_ARTICLE_IDS).startsWith("quake-148", "quake-147");
		assertThat(story.articleIds()).contains("quake-149").doesNotContain("quake-0", "quake-9");
		assertThat(story.sources()).hasSize(7);
		assertThat(story.lastSeenAt()).isEqualTo(NOON.plusSeconds(60L * 148));
	}

	@Test
	void holdsAtMostTheConfiguredNumberOfStories() {
		StoryIndex small = new StoryIndex(new StoryScorer(StoryWeights.DEFAULT, Duration.ofHours(72)), 100, this.clock);
		for (int i = 0; i < 500; i++) {
			StoryIndex.Staging staging = small.staging();
			staging.assign("a" + i, "Story " + i,
					new ArticleProfile(NOON, "wire", List.of(), Map.of("word" + i, 1.0), List.of()), null);
			staging.commit();
		}

		assertThat(small.size()).isLessThanOrEqualTo(110);
	}

	private Assignment assign(String id, String title, ArticleProfile profile, String duplicateOf) {
		StoryIndex.Staging staging = this.index.staging();
		Assignment assignment = staging.assign(id, title, profile, duplicateOf);
		staging.commit();
		return assignment;
	}

	private static ArticleProfile quake(Instant published, String source) {
		return new ArticleProfile(published, source, List.of("disaster-accident-emergency"), QUAKE, SARNESK);
	}

	private static ArticleProfile strike(Instant published) {
		return new ArticleProfile(published, "harbourwatch", List.of("labour"), STRIKE, HARBOUR);
	}

}
