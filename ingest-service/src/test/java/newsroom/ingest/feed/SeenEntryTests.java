package newsroom.ingest.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeenEntryTests {

	@Test
	void keysSeenEntriesByFeedAndEntryHash() {
		assertThat(SeenEntry.key("feed1", "guid-1")).startsWith("feed1|").hasSize("feed1|".length() + 32);
		assertThat(SeenEntry.key("feed1", "guid-1")).isNotEqualTo(SeenEntry.key("feed2", "guid-1"))
			.isNotEqualTo(SeenEntry.key("feed1", "guid-2"));
	}

}
