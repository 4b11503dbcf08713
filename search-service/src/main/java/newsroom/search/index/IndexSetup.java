package newsroom.search.index;

import java.io.IOException;

/**
 * An index, template or alias that must exist before the service consumes or serves.
 * {@code IndexInitializer} runs every one at start-up, once Elasticsearch answers, so a
 * feature with an index of its own sets it up the same way the article index is.
 */
public interface IndexSetup {

	/**
	 * Create what is missing and leave what exists. Safe on every start and from several
	 * instances at once.
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	void ensureExists() throws IOException;

}
