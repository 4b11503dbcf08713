package newsroom.ingest.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import newsroom.events.Topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Domain settings of ingest-service under {@code newsroom.ingest}; broker settings stay
 * under {@code spring.kafka.*}. Every setting also has an environment form, for example
 * {@code NEWSROOM_INGEST_MAX_BODY_SIZE}. API keys and rate limits are the shared
 * {@code newsroom.web.*} settings (news-web-support); application.yml maps the older
 * {@code newsroom.ingest.api-key} onto them.
 *
 * @param maxBodySize the largest request body accepted, counted on the wire (default 2MB,
 * that is 2 MiB)
 * @param topics how the topics this service writes are created
 * @param publish how publishing to Kafka behaves
 * @param dedup the exact-duplicate index
 * @param batch the batch endpoint
 * @param allowedHosts host names or addresses that {@code /api/v1/fetch} and feeds may
 * reach even though they are private, loopback or otherwise internal (environment
 * {@code NEWSROOM_INGEST_ALLOWED_HOSTS}, comma-separated)
 * @param fetch how web pages and feeds are fetched
 * @param feed how feeds are polled
 * @param feeds feeds registered from configuration, polled like those added over the API
 */
@Validated
@ConfigurationProperties("newsroom.ingest")
public record IngestProperties(@NotNull @DefaultValue("2MB") DataSize maxBodySize,
		@Valid @NotNull @DefaultValue TopicSettings topics, @Valid @NotNull @DefaultValue PublishSettings publish,
		@Valid @NotNull @DefaultValue DedupSettings dedup, @Valid @NotNull @DefaultValue BatchSettings batch,
		@NotNull @DefaultValue List<String> allowedHosts, @Valid @NotNull @DefaultValue FetchSettings fetch,
		@Valid @NotNull @DefaultValue FeedSettings feed, @Valid @NotNull @DefaultValue List<ConfiguredFeed> feeds) {

	public IngestProperties {
		if (maxBodySize != null && maxBodySize.toBytes() <= 0) {
			throw new IllegalArgumentException("newsroom.ingest.max-body-size must be positive, was " + maxBodySize);
		}
		allowedHosts = (allowedHosts != null) ? allowedHosts.stream()
			.filter(StringUtils::hasText)
			.map((host) -> host.strip().toLowerCase(Locale.ROOT))
			.toList() : List.of();
		feeds = (feeds != null) ? List.copyOf(feeds) : List.of();
	}

	/**
	 * Settings with the defaults of every group, for tests and tools.
	 * @return the defaults
	 */
	public static IngestProperties defaults() {
		return new IngestProperties(DataSize.ofMegabytes(2), new TopicSettings(3, 1),
				new PublishSettings(Duration.ofSeconds(10)), new DedupSettings(100_000, Duration.ofMinutes(2)),
				BatchSettings.defaults(), List.of(), FetchSettings.defaults(), FeedSettings.defaults(), List.of());
	}

	/**
	 * The largest record ingest-service produces and declares for its topics: the
	 * pipeline-wide {@link Topics#MAX_RECORD_BYTES}, so that what ingest publishes also
	 * fits every topic after it. A body under the limit whose record would still be
	 * larger (JSON escaping) is refused with 413.
	 * @return a size in bytes
	 */
	public int maxRecordBytes() {
		return Topics.MAX_RECORD_BYTES;
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

	/**
	 * {@code POST /api/v1/articles/batch}: the body is streamed, so its limit can be far
	 * above the single-article one, which still applies to each item.
	 *
	 * @param maxBodySize the largest batch body, counted on the wire
	 * @param maxReportedRejections how many rejected items are listed with their errors
	 * (all are counted in {@code rejectedCount})
	 * @param windowItems how many items are published before their acknowledgements are
	 * awaited together
	 * @param windowBytes how many bytes of articles are published before their
	 * acknowledgements are awaited together; bounds the memory a batch holds
	 */
	public record BatchSettings(@NotNull @DefaultValue("100MB") DataSize maxBodySize,
			@Min(0) @DefaultValue("1000") int maxReportedRejections, @Min(1) @DefaultValue("256") int windowItems,
			@NotNull @DefaultValue("8MB") DataSize windowBytes) {

		public static BatchSettings defaults() {
			return new BatchSettings(DataSize.ofMegabytes(100), 1000, 256, DataSize.ofMegabytes(8));
		}

	}

	/**
	 * Fetching web pages and feeds from the internet.
	 *
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for data while reading an answer
	 * @param maxPageSize the largest page or feed read; larger ones are refused
	 * @param maxRedirects how many redirects are followed
	 * @param userAgent the {@code User-Agent} sent
	 */
	public record FetchSettings(@NotNull @DefaultValue("5s") Duration connectTimeout,
			@NotNull @DefaultValue("15s") Duration readTimeout, @NotNull @DefaultValue("5MB") DataSize maxPageSize,
			@Min(0) @Max(20) @DefaultValue("5") int maxRedirects,
			@NotNull @DefaultValue("Newsroom/0.1 (+https://github.com/newsroom)") String userAgent) {

		public static FetchSettings defaults() {
			return new FetchSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), DataSize.ofMegabytes(5), 5,
					"Newsroom/0.1 (+https://github.com/newsroom)");
		}

	}

	/**
	 * Polling of feeds.
	 *
	 * @param enabled whether feeds are polled on their schedule (registration works
	 * either way)
	 * @param defaultPollInterval the interval of a feed registered without one
	 * @param minPollInterval the shortest interval a feed may ask for
	 * @param maxBackoff the longest wait after repeated failures
	 * @param maxConcurrentPolls how many feeds are polled at the same time
	 * @param maxEntriesPerPoll how many new entries of one feed are published per poll
	 * (the rest on the next poll)
	 * @param teaserLength feed content shorter than this many characters is a teaser: the
	 * entry's page is fetched for the full text
	 */
	public record FeedSettings(@DefaultValue("true") boolean enabled,
			@NotNull @DefaultValue("15m") Duration defaultPollInterval,
			@NotNull @DefaultValue("1m") Duration minPollInterval, @NotNull @DefaultValue("1h") Duration maxBackoff,
			@Min(1) @DefaultValue("4") int maxConcurrentPolls, @Min(1) @DefaultValue("200") int maxEntriesPerPoll,
			@Min(0) @DefaultValue("600") int teaserLength) {

		public static FeedSettings defaults() {
			return new FeedSettings(true, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1), 4, 200,
					600);
		}

	}

	/**
	 * A feed listed in configuration ({@code newsroom.ingest.feeds[0].url=...}).
	 *
	 * @param url the feed's URL
	 * @param pollInterval how often it is polled; the default interval when absent
	 * @param source the source name of its articles; the feed's host when absent
	 */
	public record ConfiguredFeed(@NotNull String url, Duration pollInterval, String source) {
	}

}
