package newsroom.ingest.batch;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads the items of a batch body one at a time, so that the body is never held whole.
 */
interface BatchItems {

	/**
	 * The next item.
	 * @return the item, or empty at the end of the body
	 * @throws IOException when the body cannot be read (for example over its size limit)
	 */
	Optional<BatchItem> next() throws IOException;

}
