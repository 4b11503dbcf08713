package newsroom.ingest.feed;

/**
 * The internal, compacted topics that hold the feed state across restarts. They belong to
 * ingest-service alone (not part of the public contract): registrations keyed by feed id
 * (a tombstone when a feed is deleted), and the entries already handled keyed by feed id
 * and entry hash.
 */
public final class FeedTopics {

	/** Feed registrations and poll state: {@link StoredFeed} values. */
	public static final String FEEDS = "newsroom.ingest.feeds.v1";

	/** Entries already published or skipped: {@link SeenEntry} values. */
	public static final String SEEN_ENTRIES = "newsroom.ingest.feed-entries.v1";

	private FeedTopics() {
	}

}
