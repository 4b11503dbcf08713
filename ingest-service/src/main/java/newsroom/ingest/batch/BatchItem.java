package newsroom.ingest.batch;

import java.util.List;

import newsroom.ingest.web.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * One item of a batch as read from the body: its JSON value, or why it could not be read.
 *
 * @param index its position in the batch, from 0
 * @param value the JSON value, {@code null} when unreadable
 * @param problems why it could not be read, empty when it could
 */
record BatchItem(long index, JsonNode value, List<FieldProblem> problems) {

	static BatchItem of(long index, JsonNode value) {
		return new BatchItem(index, value, List.of());
	}

	static BatchItem unreadable(long index, String message) {
		return new BatchItem(index, null, List.of(new FieldProblem("", message)));
	}

}
