package newsroom.search.query;

import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;

/**
 * Where a page of hits ended: the sort values of its last hit, for Elasticsearch's
 * {@code search_after}. Clients see it only as the signed string the cursor codec makes
 * of it.
 *
 * @param sort the order the cursor was made for
 * @param after the sort values of the last hit returned
 */
record Cursor(HitOrder sort, List<FieldValue> after) {

	Cursor {
		after = List.copyOf(after);
	}

}
