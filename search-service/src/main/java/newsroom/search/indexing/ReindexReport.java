package newsroom.search.indexing;

import java.time.Duration;
import java.util.List;

/**
 * What a reindex did.
 *
 * @param index the new index the alias points at
 * @param previous the indices the alias pointed at before
 * @param records records replayed from the topic
 * @param written articles written (or deleted) in the new index
 * @param skipped unusable records left out (already on the dead-letter topic)
 * @param documents articles in the new index at the end
 * @param duration how long the whole reindex took
 */
record ReindexReport(String index, List<String> previous, long records, long written, long skipped, long documents,
		Duration duration) {

	ReindexReport {
		previous = List.copyOf(previous);
	}

}
