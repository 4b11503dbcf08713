package newsroom.events;

import java.time.Instant;

/**
 * An article as ingest-service cleaned and published it on {@link Topics#RAW}.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param id deterministic article id (from the canonical URL, else source + title + text)
 * @param revision epoch millis of this version; a higher revision supersedes a lower one
 * @param url the URL the article was submitted or fetched with, nullable
 * @param canonicalUrl the canonical form of the article's URL, nullable
 * @param source short name of the publisher
 * @param title the headline
 * @param text the cleaned body, paragraphs separated by blank lines
 * @param author the byline, nullable
 * @param publishedAt when the publisher published it
 * @param ingestedAt when Newsroom accepted it
 * @param language ISO 639-1 code when known, nullable
 * @param contentHash hash of the cleaned title and text, for exact-duplicate detection
 * @param origin how it came in
 * @param feedId the feed it came from, nullable
 */
public record RawArticle(int schemaVersion, String id, long revision, String url, String canonicalUrl, String source,
		String title, String text, String author, Instant publishedAt, Instant ingestedAt, String language,
		String contentHash, Origin origin, String feedId) {

	public static final int SCHEMA_VERSION = 1;

}
