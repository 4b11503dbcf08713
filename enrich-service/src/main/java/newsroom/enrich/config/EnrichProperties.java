package newsroom.enrich.config;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * enrich-service's settings, under {@code newsroom.enrich}. Broker settings stay under
 * {@code spring.kafka.*}.
 *
 * @param concurrency consumer threads on the raw topic, each with its own transactions;
 * more than the topic's partitions leaves threads idle, and a count that does not divide
 * them gives some threads more partitions than others
 * @param topics how the topics this service declares are created
 * @param retry back-off for failures other than unreadable or invalid records
 * @param entities entity extraction settings
 * @param duplicates near-duplicate detection settings
 * @param stories story assignment settings
 */
@ConfigurationProperties("newsroom.enrich")
@Validated
public record EnrichProperties(@DefaultValue("3") @Min(1) @Max(64) int concurrency,
		@DefaultValue @Valid TopicProperties topics, @DefaultValue @Valid Retry retry,
		@DefaultValue @Valid Entities entities, @DefaultValue @Valid Duplicates duplicates,
		@DefaultValue @Valid Stories stories) {

	/**
	 * Entity extraction.
	 *
	 * @param nameFinderModels a folder of trained OpenNLP name-finder models
	 * ({@code *.bin}) whose names join the rule-based ones; none when not set
	 */
	public record Entities(@Nullable Path nameFinderModels) {
	}

	/**
	 * Near-duplicate detection.
	 *
	 * @param maxDistance the most bits (of 64) in which two articles' SimHash
	 * fingerprints may differ for the later one to be a near-duplicate of the earlier
	 * @param loadTimeout how long start-up may take to read the fingerprints back
	 */
	public record Duplicates(@DefaultValue("6") @Min(0) @Max(15) int maxDistance,
			@DefaultValue("2m") @NotNull Duration loadTimeout) {
	}

	/**
	 * Story assignment: which articles report the same event.
	 *
	 * @param window how far apart two articles of one story may be published; a story no
	 * article joined for this long is closed
	 * @param maxStories the most open stories held in memory (about 3 KB each); the least
	 * recently active are closed first beyond it
	 * @param threshold the score at or above which an article joins a story (see
	 * enrich-service's README): higher keeps more events apart, lower groups more
	 * versions
	 */
	public record Stories(@DefaultValue("72h") @NotNull Duration window,
			@DefaultValue("50000") @Min(100) int maxStories,
			@DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double threshold) {
	}

	/**
	 * Creation settings for the raw, enriched and dead-letter topics; existing topics are
	 * left as they are (except that Kafka admin adds missing partitions).
	 *
	 * @param partitions partitions of each topic
	 * @param replicationFactor replicas of each partition
	 */
	public record TopicProperties(@DefaultValue("3") @Min(1) int partitions,
			@DefaultValue("1") @Min(1) @Max(Short.MAX_VALUE) int replicationFactor) {
	}

	/**
	 * Exponential back-off before a failed record is tried again; when the elapsed time
	 * runs out, the record is dead-lettered. Unreadable and invalid records skip it.
	 *
	 * @param initialInterval first wait
	 * @param multiplier growth of each next wait
	 * @param maxInterval longest single wait; keep it well under
	 * {@code max.poll.interval.ms}
	 * @param maxElapsedTime total waiting before the record is dead-lettered; the
	 * partition does not move meanwhile
	 */
	public record Retry(@DefaultValue("1s") @NotNull Duration initialInterval,
			@DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
			@DefaultValue("30s") @NotNull Duration maxInterval, @DefaultValue("2m") @NotNull Duration maxElapsedTime) {
	}

}
