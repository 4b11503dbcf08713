package newsroom.ingest.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed state as written to its compacted topic, with the application's JSON mapper:
 * times and statuses as the text the topic has always held, so that records written
 * before are read back.
 */
@JsonTest
class StoredFeedJsonTests {

	private static final String PENDING = """
			{"id": "f1", "url": "https://news.example/feed.xml", "source": "news.example", "pollInterval": "PT15M",
			 "configured": false, "createdAt": "2024-11-04T07:15:00Z", "lastPolledAt": null, "lastStatus": "pending",
			 "lastError": null, "itemsPublished": 0, "itemsSkipped": 0, "etag": null, "lastModified": null,
			 "failures": 0}
			""";

	@Autowired
	private JacksonTester<StoredFeed> feeds;

	@Autowired
	private JacksonTester<SeenEntry> entries;

	@Test
	void writesTimesAndStatusesAsText() throws Exception {
		StoredFeed feed = StoredFeed.registered("f1", "https://news.example/feed.xml", "news.example",
				Duration.ofMinutes(15), false, Instant.parse("2024-11-04T07:15:00Z"));

		assertThat(this.feeds.write(feed)).isStrictlyEqualToJson(PENDING);
	}

	@Test
	void readsWhatEarlierVersionsWrote() throws Exception {
		StoredFeed feed = this.feeds.parseObject(
				PENDING.replace("\"lastPolledAt\": null", "\"lastPolledAt\": " + "\"2024-11-04T08:00:00.123456Z\"")
					.replace("\"pending\"", "\"not-modified\""));

		assertThat(feed.pollInterval()).isEqualTo(Duration.ofMinutes(15));
		assertThat(feed.lastPolledAt()).isEqualTo(Instant.parse("2024-11-04T08:00:00.123456Z"));
		assertThat(feed.lastStatus()).isEqualTo(FeedStatus.NOT_MODIFIED);
	}

	@Test
	void writesAPolledFeedWithItsCounts() throws Exception {
		StoredFeed feed = StoredFeed
			.registered("f1", "https://news.example/feed.xml", "news.example", Duration.ofMinutes(15), false,
					Instant.parse("2024-11-04T07:15:00Z"))
			.polled(Instant.parse("2024-11-04T08:00:00.123456Z"),
					new PollResult(FeedStatus.OK, null, 2, 1, Optional.of("\"e1\""), Optional.empty()));

		assertThat(this.feeds.write(feed)).extractingJsonPathStringValue("$.lastPolledAt")
			.isEqualTo("2024-11-04T08:00:00.123456Z");
		assertThat(this.feeds.write(feed)).extractingJsonPathStringValue("$.lastStatus").isEqualTo("ok");
		assertThat(this.feeds.write(feed)).extractingJsonPathNumberValue("$.itemsPublished").isEqualTo(2);
		assertThat(this.feeds.write(feed)).extractingJsonPathStringValue("$.etag").isEqualTo("\"e1\"");
	}

	@Test
	void writesTheTimeAnEntryWasSeenAsText() throws Exception {
		SeenEntry entry = new SeenEntry("f1", "guid-1", null, Instant.parse("2024-11-04T08:00:00Z"));

		assertThat(this.entries.write(entry)).isStrictlyEqualToJson("""
				{"feedId": "f1", "entryKey": "guid-1", "articleId": null, "seenAt": "2024-11-04T08:00:00Z"}
				""");
	}

}
