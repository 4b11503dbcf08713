package newsroom.search.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import newsroom.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Domain settings of search-service, bound from {@code newsroom.search.*}. The
 * Elasticsearch client itself is configured under {@code newsroom.elasticsearch.*}.
 *
 * @param index where articles live in Elasticsearch
 * @param indexing how the enriched topic is consumed and written
 * @param query search answer tuning and guards
 * @param reindex how the reindex command rebuilds the index
 * @param topics how the topics this service declares are created
 * @param alerts saved searches and the publication of their matches
 * @param stories where story snapshots are kept for the stories endpoints
 */
@Validated
@ConfigurationProperties("newsroom.search")
public record SearchProperties(@Valid @NotNull @DefaultValue Index index,
		@Valid @NotNull @DefaultValue Indexing indexing, @Valid @NotNull @DefaultValue Query query,
		@Valid @NotNull @DefaultValue Reindex reindex, @Valid @NotNull @DefaultValue TopicSettings topics,
		@Valid @NotNull @DefaultValue Alerts alerts, @Valid @NotNull @DefaultValue Stories stories) {

	/**
	 * The index behind the search alias.
	 *
	 * @param alias the alias every read and write goes through
	 * @param namePrefix prefix of the versioned concrete indices ({@code news-v1}, ...)
	 * @param templateName name of the index template covering {@code namePrefix*}
	 * @param shards primary shards of a new index
	 * @param replicas replicas of a new index (0 on a single node)
	 * @param refreshInterval how soon indexed articles become searchable
	 * @param startupTimeout how long start-up waits for Elasticsearch before failing
	 */
	public record Index(@DefaultValue("news") @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_.-]*") String alias,
			@DefaultValue("news-v") @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_.-]*") String namePrefix,
			@DefaultValue("news") @NotBlank String templateName, @DefaultValue("1") @Min(1) @Max(64) int shards,
			@DefaultValue("0") @Min(0) @Max(8) int replicas, @DefaultValue("1s") @NotNull Duration refreshInterval,
			@DefaultValue("2m") @NotNull Duration startupTimeout) {

		/**
		 * The first concrete index, created when the alias does not exist yet.
		 * @return the prefix followed by {@code 1}
		 */
		public String initialIndexName() {
			return this.namePrefix + "1";
		}

	}

	/**
	 * Consumption of the enriched topic.
	 *
	 * @param batchSize most records handed to one bulk request (Kafka max.poll.records)
	 * @param fetchMinSize how much a fetch gathers before it returns (Kafka
	 * fetch.min.bytes), so that a busy topic gives bulks of many articles rather than one
	 * or two each
	 * @param fetchMaxWait longest a fetch waits for {@code fetchMinSize} (Kafka
	 * fetch.max.wait.ms): on a quiet topic, the most an article waits before its bulk;
	 * keep it well under the index refresh interval
	 * @param retryInitialInterval first pause after Elasticsearch was unavailable
	 * @param retryMaxInterval longest pause between retries; retries never stop
	 * @param retryMultiplier growth of the pause between retries
	 */
	public record Indexing(@DefaultValue("500") @Min(1) @Max(10000) int batchSize,
			@DefaultValue("1MB") @NotNull DataSize fetchMinSize, @DefaultValue("250ms") @NotNull Duration fetchMaxWait,
			@DefaultValue("1s") @NotNull Duration retryInitialInterval,
			@DefaultValue("1m") @NotNull Duration retryMaxInterval,
			@DefaultValue("2.0") @DecimalMin("1.0") double retryMultiplier) {
	}

	/**
	 * Tuning of search answers, and the guards every read request goes through.
	 *
	 * @param facetSize most values per facet
	 * @param fragmentSize characters per highlight fragment
	 * @param fragments most highlight fragments per field
	 * @param timeout how long Elasticsearch may work on one read request; the HTTP call
	 * to it gives up a few seconds later
	 * @param histogramMaxBuckets most timeline buckets: days become weeks, months or
	 * years when the matching articles span more than this many
	 * @param cursorSecret key that signs the {@code nextCursor} of search answers; empty
	 * means a random key per start (cursors then do not survive a restart and are not
	 * shared between instances)
	 */
	public record Query(@DefaultValue("10") @Min(1) @Max(100) int facetSize,
			@DefaultValue("160") @Min(20) @Max(1000) int fragmentSize,
			@DefaultValue("3") @Min(1) @Max(10) int fragments, @DefaultValue("5s") @NotNull Duration timeout,
			@DefaultValue("120") @Min(10) @Max(1000) int histogramMaxBuckets,
			@DefaultValue("") @NotNull String cursorSecret) {

		@Override
		public String toString() {
			// The secret stays out of logs and the configprops endpoint's string form.
			return "Query[facetSize=" + this.facetSize + ", fragmentSize=" + this.fragmentSize + ", fragments="
					+ this.fragments + ", timeout=" + this.timeout + ", histogramMaxBuckets=" + this.histogramMaxBuckets
					+ ", cursorSecret=" + (this.cursorSecret.isEmpty() ? "(random)" : "******") + "]";
		}

	}

	/**
	 * The reindex command: a new index filled by replaying the enriched topic, then the
	 * alias moved to it.
	 *
	 * @param batchSize records per bulk request during the replay
	 * @param progressInterval how often progress is logged
	 * @param deletePrevious whether the index the alias pointed at is deleted after the
	 * swap (kept by default, so that moving the alias back undoes a reindex)
	 */
	public record Reindex(@DefaultValue("1000") @Min(1) @Max(10000) int batchSize,
			@DefaultValue("5s") @NotNull Duration progressInterval, @DefaultValue("false") boolean deletePrevious) {
	}

	/**
	 * Creation settings of the topics this service declares.
	 *
	 * @param partitions partitions of a topic created at start-up
	 * @param replicationFactor replicas of a topic created at start-up
	 */
	public record TopicSettings(@DefaultValue("3") @Min(1) int partitions,
			@DefaultValue("1") @Min(1) short replicationFactor) {

		/**
		 * A topic of records this service reads or writes, with these partitions and
		 * replicas, taking records up to {@link Topics#MAX_RECORD_BYTES} like every
		 * Newsroom topic.
		 * @param name the topic
		 * @param compacted whether only the latest record of each key is kept
		 * @return its declaration, for the Kafka admin to create it when missing
		 */
		public NewTopic declare(String name, boolean compacted) {
			TopicBuilder topic = TopicBuilder.name(name)
				.partitions(this.partitions)
				.replicas(this.replicationFactor)
				.config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_RECORD_BYTES));
			if (compacted) {
				topic.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
			}
			return topic.build();
		}

	}

	/**
	 * Saved searches (alerts): where they are kept, where their matches are recorded, and
	 * how matches are published.
	 *
	 * @param topic the compacted topic holding every alert (key alert id, tombstone on
	 * delete), read whole by every instance
	 * @param matchesIndex the Elasticsearch index of matches, one document per alert and
	 * article
	 * @param transactionIdPrefix prefix of the transactional ids of the producer that
	 * publishes matches; unique per running instance and stable across its restarts
	 * @param catchUpTimeout how long matching waits for this instance to have read every
	 * alert saved so far before the batch is retried
	 * @param maxAlerts most alerts kept at once; creating one more is refused
	 */
	public record Alerts(@DefaultValue("newsroom.search.alerts.v1") @NotBlank String topic,
			@DefaultValue("news-alert-matches") @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_.-]*") String matchesIndex,
			@DefaultValue("search-alerts-") @NotBlank String transactionIdPrefix,
			@DefaultValue("10s") @NotNull Duration catchUpTimeout,
			@DefaultValue("10000") @Min(1) @Max(1000000) int maxAlerts) {
	}

	/**
	 * Stories: the snapshots of {@code news.stories.v1}, kept for
	 * {@code /api/v1/stories}.
	 *
	 * @param index the Elasticsearch index of the snapshots, one document per story
	 */
	public record Stories(
			@DefaultValue("news-stories") @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_.-]*") String index) {
	}

}
