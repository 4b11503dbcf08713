package newsroom.search.elasticsearch;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkItemOutcomeTests {

	@Test
	void treatsItemWithoutErrorAsWritten() {
		assertThat(BulkItemOutcome.of(201, null)).isEqualTo(BulkItemOutcome.WRITTEN);
		// Deleting a document that is not there is no error either.
		assertThat(BulkItemOutcome.of(404, null)).isEqualTo(BulkItemOutcome.WRITTEN);
	}

	@Test
	void treatsVersionConflictAsStale() {
		assertThat(BulkItemOutcome.of(409,
				error("version_conflict_engine_exception",
						"[a1]: version conflict, current version [5] is higher or equal to the one provided [4]")))
			.isEqualTo(BulkItemOutcome.STALE);
	}

	@Test
	void rejectsDocumentsElasticsearchCannotParse() {
		assertThat(BulkItemOutcome.of(400,
				error("document_parsing_exception",
						"[1:38] failed to parse field [publishedAt] of type [date] in document with id 'a4'")))
			.isEqualTo(BulkItemOutcome.REJECTED);
		assertThat(BulkItemOutcome.of(400,
				error("strict_dynamic_mapping_exception",
						"mapping set to strict, dynamic introduction of [extra] within [_doc] is not allowed")))
			.isEqualTo(BulkItemOutcome.REJECTED);
		assertThat(BulkItemOutcome.of(400,
				error("illegal_argument_exception", "Document contains at least one immense term in field=\"url\"")))
			.isEqualTo(BulkItemOutcome.REJECTED);
	}

	@Test
	void retriesThrottlingAndServerErrors() {
		assertThat(BulkItemOutcome.of(429, error("es_rejected_execution_exception", "rejected execution")))
			.isEqualTo(BulkItemOutcome.UNAVAILABLE);
		assertThat(BulkItemOutcome.of(503, error("unavailable_shards_exception", "primary shard is not active")))
			.isEqualTo(BulkItemOutcome.UNAVAILABLE);
		assertThat(BulkItemOutcome.of(500, error("exception", "boom"))).isEqualTo(BulkItemOutcome.UNAVAILABLE);
	}

	@Test
	void retriesErrorsThatComeFromTheIndexRatherThanTheDocument() {
		assertThat(BulkItemOutcome.of(404,
				error("index_not_found_exception",
						"no such index [news] and [require_alias] request flag is [true] and [news] is not an alias")))
			.isEqualTo(BulkItemOutcome.UNAVAILABLE);
		assertThat(BulkItemOutcome.of(403, error("cluster_block_exception",
				"index [news-v1] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark]")))
			.isEqualTo(BulkItemOutcome.UNAVAILABLE);
		assertThat(BulkItemOutcome.of(400, error("index_closed_exception", "closed")))
			.isEqualTo(BulkItemOutcome.UNAVAILABLE);
		assertThat(BulkItemOutcome.of(400,
				error("illegal_argument_exception", "no write index is defined for alias [news]")))
			.isEqualTo(BulkItemOutcome.UNAVAILABLE);
	}

	@Test
	void retriesConflictsOtherThanVersionConflicts() {
		assertThat(BulkItemOutcome.of(409, error("some_other_conflict", "conflict")))
			.isEqualTo(BulkItemOutcome.UNAVAILABLE);
	}

	private static ErrorCause error(String type, String reason) {
		return ErrorCause.of((cause) -> cause.type(type).reason(reason));
	}

}
