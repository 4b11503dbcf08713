package newsroom.ingest.config;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Domain settings of ingest-service under {@code newsroom.ingest}; broker settings stay
 * under {@code spring.kafka.*}. Every setting also has an environment form, for example
 * {@code NEWSROOM_INGEST_API_KEY} or {@code NEWSROOM_INGEST_MAX_BODY_SIZE}.
 *
 * @param apiKey the key clients must send in {@code X-Api-Key}; blank or absent means the
 * API is open
 * @param maxBodySize the largest request body accepted, counted on the wire (default 2MB,
 * that is 2 MiB)
 * @param topics how the topics this service writes are created
 * @param publish how publishing to Kafka behaves
 * @param dedup the exact-duplicate index
 */
@Validated
@ConfigurationProperties("newsroom.ingest")
public record IngestProperties(String apiKey, @NotNull @DefaultValue("2MB") DataSize maxBodySize,
		@Valid @NotNull @DefaultValue TopicSettings topics, @Valid @NotNull @DefaultValue PublishSettings publish,
		@Valid @NotNull @DefaultValue DedupSettings dedup) {

	public IngestProperties {
		if (maxBodySize != null && maxBodySize.toBytes() <= 0) {
			throw new IllegalArgumentException("newsroom.ingest.max-body-size must be positive, was " + maxBodySize);
		}
	}

	/**
	 * The configured API key, if one is set.
	 * @return the key, or empty when the API is open
	 */
	public Optional<String> requiredApiKey() {
		return StringUtils.hasText(this.apiKey) ? Optional.of(this.apiKey.strip()) : Optional.empty();
	}

	/** Never shows the API key, so that logging the settings cannot leak it. */
	@Override
	public String toString() {
		return "IngestProperties[apiKey=" + (requiredApiKey().isPresent() ? "(set)" : "(none)") + ", maxBodySize="
				+ this.maxBodySize + ", topics=" + this.topics + ", publish=" + this.publish + ", dedup=" + this.dedup
				+ "]";
	}

	/**
	 * The largest record ingest-service produces and declares for its topics: twice the
	 * body limit (room for JSON escaping and metadata), at least 1 MiB.
	 * @return a size in bytes
	 */
	public int maxRecordBytes() {
		long bytes = Math.max(2 * this.maxBodySize.toBytes(), DataSize.ofMegabytes(1).toBytes());
		return (int) Math.min(bytes, Integer.MAX_VALUE);
	}

	/**
	 * Partitions and replication of the topics ingest-service declares (created at
	 * start-up when missing).
	 *
	 * @param partitions partitions per topic
	 * @param replicationFactor replicas per partition
	 */
	public record TopicSettings(@Min(1) @DefaultValue("3") int partitions,
			@Min(1) @Max(Short.MAX_VALUE) @DefaultValue("1") int replicationFactor) {
	}

	/**
	 * Publishing to the raw topic.
	 *
	 * @param timeout how long a request waits for the broker to acknowledge its record
	 * before it is answered with 503
	 */
	public record PublishSettings(@NotNull @DefaultValue("10s") Duration timeout) {

		public PublishSettings {
			if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
				throw new IllegalArgumentException("newsroom.ingest.publish.timeout must be positive, was " + timeout);
			}
		}

	}

	/**
	 * The in-memory index of published content hashes that answers {@code duplicate}; it
	 * is rebuilt from the raw topic at start-up.
	 *
	 * @param maxEntries how many article ids it remembers (least recently published are
	 * forgotten first)
	 * @param rebuildTimeout how long start-up may spend reading the raw topic before it
	 * fails
	 */
	public record DedupSettings(@Min(1) @DefaultValue("100000") int maxEntries,
			@NotNull @DefaultValue("2m") Duration rebuildTimeout) {

		public DedupSettings {
			if (rebuildTimeout != null && (rebuildTimeout.isNegative() || rebuildTimeout.isZero())) {
				throw new IllegalArgumentException(
						"newsroom.ingest.dedup.rebuild-timeout must be positive, was " + rebuildTimeout);
			}
		}

	}

}
