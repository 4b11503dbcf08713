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
 * is claimed before it is published; the claim records the enriched record that made it
 * and, once the publishing transaction committed, that it was published. A claim found
 * unpublished is settled by the consumer group's committed offset: past the claiming
 * record means the transaction committed; otherwise it rolled back and the match is
 * published again.
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
	 * Settle matches claimed before: published ones stay as they are; those whose
	 * transaction rolled back are claimed again by the current record.
	 */
	private List<MatchCandidate> reclaim(List<String> ids, Map<String, MatchCandidate> byId,
			Function<Set<TopicPartition>, Map<TopicPartition, OffsetAndMetadata>> committed) {
		List<MatchDocument> unsettled = new ArrayList<>();
		for (MultiGetResponseItem<MatchDocument> item : mget(ids)) {
			if (item.isResult() && item.result().found() && !item.result().source().published()) {
				unsettled.add(item.result().source());
			}
		}
		if (unsettled.isEmpty()) {
			return List.of();
		}
		Set<TopicPartition> partitions = new HashSet<>();
		unsettled.forEach((document) -> partitions.add(new TopicPartition(Topics.ENRICHED, document.partition())));
		Map<TopicPartition, OffsetAndMetadata> offsets = committed.apply(partitions);
		List<MatchCandidate> again = new ArrayList<>();
		List<MatchDocument> settled = new ArrayList<>();
		List<BulkOperation> overwrites = new ArrayList<>();
		for (MatchDocument document : unsettled) {
			OffsetAndMetadata offset = offsets.get(new TopicPartition(Topics.ENRICHED, document.partition()));
			if (offset != null && offset.offset() > document.offset()) {
				settled.add(document);
				continue;
			}
			MatchCandidate candidate = byId.get(document.id());
			MatchDocument claim = candidate.document();
			overwrites.add(BulkOperation.of((op) -> op.index((index) -> index.id(claim.id()).document(claim))));
			again.add(candidate);
			logger.info("Match of alert {} and article {} claimed at {}-{} was not committed; publishing it again",
					document.alertId(), document.articleId(), document.partition(), document.offset());
		}
		markPublished(settled);
		for (BulkResponseItem item : bulk(overwrites).items()) {
			if (item.error() != null) {
				throw new AlertsUnavailableException("Elasticsearch refused a match claim: " + item.error().reason(),
						null);
			}
		}
		return again;
	}

	/**
	 * Record that these matches' transaction committed, by writing each claim again
	 * (whole, which costs Elasticsearch less than a partial update). Best effort: a claim
	 * left unmarked is settled from the committed offsets later.
	 * @param claims the claims as they were made
	 */
	void markPublished(List<MatchDocument> claims) {
		if (claims.isEmpty()) {
			return;
		}
		List<BulkOperation> writes = claims.stream()
			.map(MatchDocument::asPublished)
			.map((claim) -> BulkOperation.of((op) -> op.index((index) -> index.id(claim.id()).document(claim))))
			.toList();
		try {
			BulkResponse response = this.client.bulk((bulk) -> bulk.index(this.index).operations(writes));
			if (response.errors()) {
				logger.warn("Could not mark {} published matches", claims.size());
			}
		}
		catch (IOException | ElasticsearchException ex) {
			logger.warn("Could not mark {} published matches: {}", claims.size(), ex.getMessage());
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
