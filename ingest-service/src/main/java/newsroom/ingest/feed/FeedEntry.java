package newsroom.ingest.feed;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a parsed feed, its parts already cleaned of markup where they are text.
 *
 * @param key what identifies the entry within its feed: guid / id, else the link, else a
 * hash of its title and content
 * @param link the entry's page, absolute http(s)
 * @param title the title as plain text, empty when missing
 * @param author the author, if given
 * @param publishedAt when it was published (or updated), if given
 * @param text the feed's own content of the entry as plain text (paragraphs separated by
 * blank lines): {@code content:encoded} or Atom content, else description or summary,
 * else {@code media:description}; empty when none
 */
record FeedEntry(String key, Optional<String> link, String title, Optional<String> author,
		Optional<Instant> publishedAt, String text) {

}
