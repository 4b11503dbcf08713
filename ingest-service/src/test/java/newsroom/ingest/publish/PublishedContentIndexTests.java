package newsroom.ingest.publish;

import java.time.Duration;
import java.util.List;

import newsroom.ingest.config.IngestProperties;
import newsroom.ingest.config.IngestProperties.DedupSettings;
import newsroom.ingest.config.IngestProperties.PublishSettings;
import newsroom.ingest.config.IngestProperties.TopicSettings;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedContentIndexTests {

	@Test
	void knowsTheLastPublishedHashOfAnId() {
		PublishedContentIndex index = index(10);

		index.remember("a", "hash-1");
		index.remember("a", "hash-2");

		assertThat(index.contains("a", "hash-2")).isTrue();
		assertThat(index.contains("a", "hash-1")).isFalse();
		assertThat(index.contains("b", "hash-2")).isFalse();
	}

	@Test
	void forgetsTheIdPublishedLongestAgoWhenFull() {
		PublishedContentIndex index = index(2);

		index.remember("a", "1");
		index.remember("b", "2");
		index.remember("a", "3");
		index.remember("c", "4");

		assertThat(index.size()).isEqualTo(2);
		assertThat(index.contains("b", "2")).isFalse();
		assertThat(index.contains("a", "3")).isTrue();
		assertThat(index.contains("c", "4")).isTrue();
	}

	private static PublishedContentIndex index(int maxEntries) {
		return new PublishedContentIndex(new IngestProperties(DataSize.ofMegabytes(2), new TopicSettings(3, 1),
				new PublishSettings(Duration.ofSeconds(10)), new DedupSettings(maxEntries, Duration.ofMinutes(1)),
				IngestProperties.BatchSettings.defaults(), List.of(), IngestProperties.FetchSettings.defaults(),
				IngestProperties.FeedSettings.defaults(), List.of()));
	}

}
