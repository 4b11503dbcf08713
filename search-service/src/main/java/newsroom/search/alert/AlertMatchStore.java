package newsroom.search.alert;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import newsroom.events.Topics;
import newsroom.search.config.SearchProperties;
import newsroom.search.elasticsearch.IndexUnavailableException;
import newsroom.search.index.IndexSetup;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The matches index: one document per alert and article (id {@code alertId:articleId},
 * written with {@code op_type=create}), which is what makes a match happen once. A match
 * is claimed before it is published, and the claim records the enriched record that made
 * it. After each commit, a marker per partition records the offset up to which match
 * transactions committed (external version = offset, so it only grows). A claim found
 * again is settled by that marker or the consumer group's committed offset, whichever is
 * further: past the claiming record means its transaction committed; otherwise it rolled
 * back and the match is published again. The marker outlives committed offsets that
 * expire or are reset, so neither republishes old matches.
 */
@Component
class AlertMatchStore implements IndexSetup {

	static final String MAPPINGS_RESOURCE = "elasticsearch/alert-matches-mappings.json";

	private static final Logger logger = LoggerFactory.getLogger(AlertMatchStore.class);

	private final ElasticsearchClient client;

	private final String index;

	AlertMatchStore(ElasticsearchClient client, SearchProperties properties) {
		this.client = client;
		this.index = properties.alerts().matchesIndex();
	}

	@Override
	public void ensureExists() throws IOException {
		if (this.client.indices().exists((request) -> request.index(this.index)).value()) {
			return;
		}
		try (InputStream json = new ClassPathResource(MAPPINGS_RESOURCE).getInputStream()) {
			TypeMapping mappings = TypeMapping.of((mapping) -> mapping.withJson(json));
			this.client.indices().create((request) -> request.index(this.index).mappings(mappings));
			logger.info("Created the alert matches index {}", this.index);
		}
		catch (ElasticsearchException ex) {
			// Another instance created it first.
			if (!"resource_already_exists_exception".equals(ex.error().type())) {
				throw ex;
			}
		}
	}

	/**
	 * Claim the matches of a batch.
	 * @param candidates matches found, in record order
	 * @param committed the consumer group's committed offsets of enriched partitions
	 * @return the candidates to publish now: first claims, and claims whose earlier
	 * publication rolled back
	 * @throws AlertsUnavailableException when Elasticsearch cannot take the claims
	 */
	List<MatchCandidate> claim(List<MatchCandidate> candidates,
			Function<Set<TopicPartition>, Map<TopicPartition, OffsetAndMetadata>> committed) {
		Map<String, MatchCandidate> byId = new HashMap<>();
		List<BulkOperation> creates = new ArrayList<>();
		for (MatchCandidate candidate : candidates) {
			MatchDocument document = candidate.document();
			// Two revisions of one article in a batch: the first claims the match.
			if (byId.putIfAbsent(document.id(), candidate) == null) {
				creates
					.add(BulkOperation.of((op) -> op.create((create) -> create.id(document.id()).document(document))));
			}
		}
		List<MatchCandidate> claimed = new ArrayList<>();
		List<String> taken = new ArrayList<>();
		for (BulkResponseItem item : bulk(creates).items()) {
			if (item.error() == null) {
				claimed.add(byId.get(item.id()));
			}
			else if (item.status() == 409) {
				taken.add(item.id());
			}
			else {
				throw new AlertsUnavailableException("Elasticsearch refused a match claim: " + item.error().reason(),
						null);
			}
		}
		if (!taken.isEmpty()) {
			claimed.addAll(reclaim(taken, byId, committed));
		}
		return claimed;
	}

	/**
	 * Settle matches claimed before: committed ones stay as they are; those whose
	 * transaction rolled back are claimed again by the current record.
	 */
	private List<MatchCandidate> reclaim(List<String> ids, Map<String, MatchCandidate> byId,
			Function<Set<TopicPartition>, Map<TopicPartition, OffsetAndMetadata>> committed) {
		List<MatchDocument> claims = new ArrayList<>();
		for (MultiGetResponseItem<MatchDocument> item : mget(ids)) {
			if (item.isResult() && item.result().found()) {
				claims.add(item.result().source());
			}
		}
		Set<TopicPartition> partitions = new HashSet<>();
		claims.forEach((claim) -> partitions.add(new TopicPartition(Topics.ENRICHED, claim.partition())));
		Map<Integer, Long> done = committedOffsets(partitions, committed);
		List<MatchCandidate> again = new ArrayList<>();
		List<BulkOperation> overwrites = new ArrayList<>();
		for (MatchDocument claim : claims) {
			if (claim.offset() < done.getOrDefault(claim.partition(), -1L)) {
				continue;
			}
			MatchCandidate candidate = byId.get(claim.id());
			MatchDocument renewed = candidate.document();
			overwrites.add(BulkOperation.of((op) -> op.index((index) -> index.id(renewed.id()).document(renewed))));
			again.add(candidate);
			logger.info("Match of alert {} and article {} claimed at {}-{} was not committed; publishing it again",
					claim.alertId(), claim.articleId(), claim.partition(), claim.offset());
		}
		for (BulkResponseItem item : bulk(overwrites).items()) {
			if (item.error() != null) {
				throw new AlertsUnavailableException("Elasticsearch refused a match claim: " + item.error().reason(),
						null);
			}
		}
		return again;
	}

	/**
	 * How far match transactions committed, per partition: the marker or the consumer
	 * group's committed offset, whichever is further.
	 */
	private Map<Integer, Long> committedOffsets(Set<TopicPartition> partitions,
			Function<Set<TopicPartition>, Map<TopicPartition, OffsetAndMetadata>> committed) {
		Map<Integer, Long> done = new HashMap<>();
		committed.apply(partitions).forEach((partition, offset) -> {
			if (offset != null) {
				done.merge(partition.partition(), offset.offset(), Math::max);
			}
		});
		List<String> markers = partitions.stream()
			.map((partition) -> MatchDocument.committedMarkerId(partition.partition()))
			.toList();
		for (MultiGetResponseItem<MatchDocument> item : mget(markers)) {
			if (item.isResult() && item.result().found()) {
				MatchDocument marker = item.result().source();
				done.merge(marker.partition(), marker.offset(), Math::max);
			}
		}
		return done;
	}

	/**
	 * Record that match transactions committed up to these offsets. Best effort: a
	 * missing marker falls back on the consumer group's committed offsets.
	 * @param nextOffsets per partition of the enriched topic, the offset after the last
	 * record of the committed batch
	 */
	void markCommitted(Map<Integer, Long> nextOffsets) {
		if (nextOffsets.isEmpty()) {
			return;
		}
		List<BulkOperation> writes = new ArrayList<>();
		nextOffsets.forEach((partition, offset) -> {
			MatchDocument marker = MatchDocument.committedMarker(partition, offset);
			// External versions only grow: a late, lower marker is refused (409), not
			// written over a higher one.
			writes.add(BulkOperation.of((op) -> op.index((index) -> index.id(marker.id())
				.version(offset)
				.versionType(VersionType.External)
				.document(marker))));
		});
		try {
			BulkResponse response = this.client.bulk((bulk) -> bulk.index(this.index).operations(writes));
			response.items()
				.stream()
				.filter((item) -> item.error() != null && item.status() != 409)
				.forEach((item) -> logger.warn("Could not record committed matches up to {}: {}", nextOffsets,
						item.error().reason()));
		}
		catch (IOException | ElasticsearchException ex) {
			logger.warn("Could not record committed matches up to {}: {}", nextOffsets, ex.getMessage());
		}
	}

	/**
	 * An alert's matches, newest first.
	 * @param alertId the alert
	 * @param size most matches to return
	 * @return the matches
	 */
	List<AlertMatchesResponse.Match> matches(String alertId, int size) {
		try {
			return this.client
				.search((search) -> search.index(this.index)
					.query((query) -> query.term((term) -> term.field("alertId").value(alertId)))
					.sort((sort) -> sort.field((field) -> field.field("matchedAt").order(SortOrder.Desc)))
					.size(size), MatchDocument.class)
				.hits()
				.hits()
				.stream()
				.map(Hit::source)
				.map(MatchDocument::toMatch)
				.toList();
		}
		catch (IOException | ElasticsearchException ex) {
			throw new IndexUnavailableException(ex);
		}
	}

	private BulkResponse bulk(List<BulkOperation> operations) {
		if (operations.isEmpty()) {
			return BulkResponse.of((response) -> response.errors(false).items(List.of()).took(0));
		}
		try {
			return this.client.bulk((bulk) -> bulk.index(this.index).operations(operations));
		}
		catch (IOException | ElasticsearchException ex) {
			throw new AlertsUnavailableException("Elasticsearch cannot take match claims: " + ex.getMessage(), ex);
		}
	}

	private List<MultiGetResponseItem<MatchDocument>> mget(List<String> ids) {
		try {
			return this.client.mget((mget) -> mget.index(this.index).ids(ids), MatchDocument.class).docs();
		}
		catch (IOException | ElasticsearchException ex) {
			throw new AlertsUnavailableException("Elasticsearch cannot read match claims: " + ex.getMessage(), ex);
		}
	}

}
