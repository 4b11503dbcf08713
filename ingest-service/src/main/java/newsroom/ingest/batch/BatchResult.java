package newsroom.ingest.batch;

import java.util.List;

import newsroom.ingest.web.FieldProblem;

/**
 * The answer to a batch: how many items were published or already known, which were
 * rejected and why, and the ids of the items that were not rejected, in item order.
 *
 * @param accepted items published
 * @param duplicates items already published with the same content
 * @param rejected the first rejected items with their errors (at most
 * {@code newsroom.ingest.batch.max-reported-rejections})
 * @param rejectedCount how many items were rejected in all
 * @param ids the ids of accepted and duplicate items, in item order
 */
record BatchResult(int accepted, int duplicates, List<Rejection> rejected, int rejectedCount, List<String> ids) {

	/**
	 * One rejected item.
	 *
	 * @param index the item's position in the batch, from 0 (blank NDJSON lines are not
	 * items)
	 * @param errors what is wrong with it
	 */
	record Rejection(long index, List<FieldProblem> errors) {
	}

}
