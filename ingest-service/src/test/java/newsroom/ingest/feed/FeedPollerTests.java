package newsroom.ingest.feed;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedPollerTests {

	@Test
	void doublesTheIntervalPerFailureUpToTheLongestBackoff() {
		Duration max = Duration.ofHours(1);

		assertThat(FeedPoller.backoff(Duration.ofMinutes(5), 1, max)).isEqualTo(Duration.ofMinutes(10));
		assertThat(FeedPoller.backoff(Duration.ofMinutes(5), 2, max)).isEqualTo(Duration.ofMinutes(20));
		assertThat(FeedPoller.backoff(Duration.ofMinutes(5), 3, max)).isEqualTo(Duration.ofMinutes(40));
		assertThat(FeedPoller.backoff(Duration.ofMinutes(5), 4, max)).isEqualTo(max);
		assertThat(FeedPoller.backoff(Duration.ofMinutes(5), 1000, max)).isEqualTo(max);
	}

	@Test
	void waitsTheLongestBackoffWhenTheIntervalIsLonger() {
		assertThat(FeedPoller.backoff(Duration.ofHours(2), 1, Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
	}

}
