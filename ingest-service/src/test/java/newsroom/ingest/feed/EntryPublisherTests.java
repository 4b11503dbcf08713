package newsroom.ingest.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntryPublisherTests {

	@Test
	void headlinesAnUntitledEntryWithItsFirstSentence() {
		assertThat(EntryPublisher.headline("The valley road reopened overnight. Two excavators cleared it."))
			.isEqualTo("The valley road reopened overnight.");
	}

	@Test
	void headlinesAOneSentenceEntryWithItsFirstWordsSoTheTextSurvives() {
		String text = "The valley road reopened after the landslide was cleared overnight by two excavators.";

		assertThat(EntryPublisher.headline(text))
			.isEqualTo("The valley road reopened after the landslide was cleared overnight by…")
			.isNotEqualTo(text);
	}

}
