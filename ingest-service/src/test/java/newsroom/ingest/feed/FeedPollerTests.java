package newsroom.ingest.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedPollerTests {

	@Test
	void headlinesAnUntitledEntryWithItsFirstSentence() {
		assertThat(FeedPoller.headline("The valley road reopened overnight. Two excavators cleared it."))
			.isEqualTo("The valley road reopened overnight.");
	}

	@Test
	void headlinesAOneSentenceEntryWithItsFirstWordsSoTheTextSurvives() {
		String text = "The valley road reopened after the landslide was cleared overnight by two excavators.";

		assertThat(FeedPoller.headline(text))
			.isEqualTo("The valley road reopened after the landslide was cleared overnight by…")
			.isNotEqualTo(text);
	}

	@Test
	void keysSeenEntriesByFeedAndEntryHash() {
		assertThat(FeedPoller.seenKey("feed1", "guid-1")).startsWith("feed1|").hasSize("feed1|".length() + 32);
		assertThat(FeedPoller.seenKey("feed1", "guid-1")).isNotEqualTo(FeedPoller.seenKey("feed2", "guid-1"))
			.isNotEqualTo(FeedPoller.seenKey("feed1", "guid-2"));
	}

}
