package newsroom.web;

import java.time.Duration;
import java.util.List;

import io.github.bucket4j.Bucket;
import newsroom.web.WebGuardsProperties.RateLimitSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientBucketsTests {

	@Test
	void keepsAtMostMaxClientsDroppingTheLeastRecentlySeen() {
		ClientBuckets buckets = new ClientBuckets(
				new RateLimitSettings(true, 1, 1, Duration.ofHours(1), List.of("/**"), 2));
		Bucket first = buckets.of("first");
		assertThat(first.tryConsume(1)).isTrue();
		Bucket second = buckets.of("second");
		assertThat(buckets.of("first")).isSameAs(first);

		buckets.of("third");

		assertThat(buckets.of("first")).as("seen more recently than second").isSameAs(first);
		assertThat(buckets.of("second")).as("dropped, so new and full").isNotSameAs(second);
	}

}
