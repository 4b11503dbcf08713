package newsroom.ingest.batch;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/articles/batch}: a JSON array or NDJSON body of articles, read as a
 * stream (never whole in memory), answered with 200 and the outcome of every item.
 */
@RestController
class BatchController {

	static final String NDJSON = "application/x-ndjson";

	/** Other names that clients use for newline-delimited JSON. */
	static final String JSONL = "application/jsonl";

	static final String JSON_LINES = "application/x-jsonlines";

	private final BatchIngest ingest;

	BatchController(BatchIngest ingest) {
		this.ingest = ingest;
	}

	// produces: an Accept header the answer cannot meet is a 406 before anything is
	// published, not after.
	@PostMapping(path = "/api/v1/articles/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	BatchResult submitArray(InputStream body) throws IOException {
		return this.ingest.ingestArray(body);
	}

	@PostMapping(path = "/api/v1/articles/batch", consumes = { NDJSON, JSONL, JSON_LINES },
			produces = MediaType.APPLICATION_JSON_VALUE)
	BatchResult submitLines(InputStream body) throws IOException {
		return this.ingest.ingestLines(body);
	}

}
