package newsroom.search.elasticsearch;

import java.util.Set;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

/**
 * What one item of a bulk response means for its record. HTTP 200 on the bulk call says
 * nothing about the items, so each is classified on its own.
 */
public enum BulkItemOutcome {

	/** Elasticsearch stored (or deleted) the document. */
	WRITTEN,

	/** The index already holds the same or a newer revision: nothing to do. */
	STALE,

	/** The document itself is unacceptable (mapping or parse error): dead-letter it. */
	REJECTED,

	/** Elasticsearch or the index cannot take writes now: retry the batch. */
	UNAVAILABLE;

	/**
	 * 400s that come from the state of the index rather than from the document: sending
	 * every article to the dead-letter topic for them would empty the pipeline into it.
	 */
	private static final Set<String> INDEX_STATE_ERRORS = Set.of("index_not_found_exception", "index_closed_exception",
			"cluster_block_exception", "no_shard_available_action_exception", "unavailable_shards_exception");

	public static BulkItemOutcome of(BulkResponseItem item) {
		return of(item.status(), item.error());
	}

	public static BulkItemOutcome of(int status, ErrorCause error) {
		if (error == null) {
			return WRITTEN;
		}
		String type = (error.type() != null) ? error.type() : "";
		if (status == 409 && "version_conflict_engine_exception".equals(type)) {
			return STALE;
		}
		if (status == 400 && !INDEX_STATE_ERRORS.contains(type) && !isAliasProblem(type, error.reason())) {
			return REJECTED;
		}
		return UNAVAILABLE;
	}

	/**
	 * An item's error as one line for logs and dead-letter headers.
	 * @param error the error of a bulk item, may be {@code null}
	 * @return its type and reason, with the type and reason of its cause
	 */
	public static String describe(ErrorCause error) {
		if (error == null) {
			return "unknown error";
		}
		StringBuilder description = new StringBuilder().append(error.type()).append(": ").append(error.reason());
		ErrorCause cause = error.causedBy();
		if (cause != null) {
			description.append(" (caused by ").append(cause.type()).append(": ").append(cause.reason()).append(')');
		}
		return description.toString();
	}

	private static boolean isAliasProblem(String type, String reason) {
		// e.g. "no write index is defined for alias [news]" while an alias swap is half
		// done.
		return "illegal_argument_exception".equals(type) && reason != null
				&& (reason.contains("alias") || reason.contains("write index"));
	}

}
