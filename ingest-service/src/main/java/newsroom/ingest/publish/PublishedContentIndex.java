package newsroom.ingest.publish;

import java.util.LinkedHashMap;
import java.util.Map;

import newsroom.ingest.config.IngestProperties;

import org.springframework.stereotype.Component;

/**
 * Remembers the content hash last published for each article id, to answer
 * {@code duplicate} without publishing again. Bounded: beyond
 * {@code newsroom.ingest.dedup.max-entries} the id published longest ago is forgotten
 * (and would be published again, harmlessly, as a new revision). Filled from the raw
 * topic at start-up by {@link PublishedContentIndexLoader}, so answers survive restarts.
 */
@Component
public class PublishedContentIndex {

	private final Map<String, String> hashes;

	PublishedContentIndex(IngestProperties properties) {
		int maxEntries = properties.dedup().maxEntries();
		this.hashes = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
				return size() > maxEntries;
			}

		};
	}

	/**
	 * Whether this exact content was the last published under this id.
	 * @param id the article id
	 * @param contentHash the content hash of the candidate
	 * @return {@code true} for a duplicate
	 */
	public synchronized boolean contains(String id, String contentHash) {
		return contentHash.equals(this.hashes.get(id));
	}

	/**
	 * Records a publication; later ones replace earlier ones of the same id.
	 * @param id the article id
	 * @param contentHash the content hash published
	 */
	public synchronized void remember(String id, String contentHash) {
		// Removed first so that a re-publication counts as the newest entry.
		this.hashes.remove(id);
		this.hashes.put(id, contentHash);
	}

	/**
	 * How many ids are remembered.
	 * @return the number of entries
	 */
	public synchronized int size() {
		return this.hashes.size();
	}

}
