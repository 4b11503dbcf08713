package newsroom.enrich.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidate stories a new article is compared with: those sharing the most lookup
 * keys with it, never a provisional or forgotten story, and the same answer whichever
 * threads ask at once.
 */
class StoryPostingsTests {

	private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

	private final StoryPostings postings = new StoryPostings();

	@Test
	void ranksStoriesByTheKeysTheyShareAndLeavesOutThoseSharingNone() {
		index(story("three", 1, "ferry", "strike", "roster"));
		index(story("two", 2, "ferry", "strike"));
		index(story("one", 3, "ferry"));
		index(story("none", 4, "harvest"));

		assertThat(ids(this.postings.candidates(keys("ferry", "strike", "roster"), 10))).containsExactly("three", "two",
				"one");
	}

	@Test
	void keepsTheMostRecentlyJoinedAmongEqualsAtTheLimit() {
		index(story("best", 1, "ferry", "strike"));
		index(story("old", 2, "ferry"));
		index(story("newest", 9, "ferry"));
		index(story("newer", 5, "ferry"));

		assertThat(ids(this.postings.candidates(keys("ferry", "strike"), 3))).containsExactly("best", "newest",
				"newer");
	}

	@Test
	void findsAStoryUnderTheKeysOfEveryRecentArticle() {
		StoryState story = story("ferry", 1, "ferry", "strike");
		index(story);
		story.addMember(Features.of("ferry-2", profile("harbour", "union")));
		index(story);

		assertThat(ids(this.postings.candidates(keys("union"), 10))).containsExactly("ferry");
		assertThat(ids(this.postings.candidates(keys("strike"), 10))).containsExactly("ferry");
	}

	@Test
	void neverOffersAForgottenStoryEvenWhenItsNumberIsReused() {
		StoryState forgotten = story("forgotten", 1, "ferry");
		index(forgotten);
		this.postings.remove(forgotten);
		index(story("next", 2, "harvest"));

		assertThat(this.postings.candidates(keys("ferry"), 10)).isEmpty();
		assertThat(ids(this.postings.candidates(keys("harvest", "ferry"), 10))).containsExactly("next");
	}

	@Test
	void neverOffersAStoryKnownOnlyFromItsMembersRecords() {
		StoryState provisional = new StoryState("provisional");
		provisional.addMember(Features.of("provisional", profile("ferry")));
		index(provisional);
		index(story("titled", 1, "ferry"));

		assertThat(ids(this.postings.candidates(keys("ferry"), 10))).containsExactly("titled");
	}

	@Test
	void aKeyInTooManyStoriesFindsNone() {
		for (int i = 0; i <= StoryPostings.MAX_POSTED; i++) {
			index(story("common-" + i, i, "said"));
		}
		index(story("rare", 0, "said", "sarnesk"));

		assertThat(this.postings.candidates(keys("said"), 10)).isEmpty();
		assertThat(ids(this.postings.candidates(keys("said", "sarnesk"), 10))).containsExactly("rare");
	}

	@Test
	void lookupsAtOnceGiveWhatEachGivesAlone() throws Exception {
		Random random = new Random(7);
		for (int i = 0; i < 600; i++) {
			index(story("story-" + i, i, words(random, 6)));
		}
		List<long[]> articles = IntStream.range(0, 200).mapToObj((i) -> keys(words(random, 8))).toList();
		List<List<String>> alone = articles.stream().map((keys) -> ids(this.postings.candidates(keys, 5))).toList();

		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<List<String>>>> together = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				together.add(threads.submit(() -> {
					List<List<String>> answers = new ArrayList<>();
					for (int round = 0; round < 20; round++) {
						answers.clear();
						articles.forEach((keys) -> answers.add(ids(this.postings.candidates(keys, 5))));
						assertThat(answers).isEqualTo(alone);
					}
					return answers;
				}));
			}
			for (Future<List<List<String>>> answers : together) {
				assertThat(answers.get(60, TimeUnit.SECONDS)).isEqualTo(alone);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private void index(StoryState story) {
		this.postings.index(story);
	}

	private static StoryState story(String id, long joinedAt, String... terms) {
		StoryState story = new StoryState(id);
		story.setTitle("Story " + id);
		story.addMember(Features.of(id, profile(terms)));
		story.joinedAt(joinedAt);
		return story;
	}

	/** A profile of these terms, heaviest first. */
	private static ArticleProfile profile(String... terms) {
		Map<String, Double> weights = new LinkedHashMap<>();
		for (int i = 0; i < terms.length; i++) {
			weights.put(terms[i], 1.0 - i * 0.01);
		}
		return new ArticleProfile(NOON, "northwire", List.of(), weights, List.of(), List.of());
	}

	private static long[] keys(String... terms) {
		return Features.of("article", profile(terms)).lookupKeys();
	}

	/** A few distinct words of a small vocabulary, so that stories share some. */
	private static String[] words(Random random, int count) {
		return random.ints(0, 40).distinct().limit(count).mapToObj((w) -> "word" + w).toArray(String[]::new);
	}

	private static List<String> ids(List<StoryState> stories) {
		return stories.stream().map(StoryState::id).toList();
	}

}
