package newsroom.events;

import java.time.Instant;
import java.util.List;

/**
 * An article with everything enrich-service learned about it, published on
 * {@link Topics#ENRICHED}. Carries every field of {@link RawArticle}, flat, so that
 * subscribers read one object.
 *
 * @param schemaVersion always {@link RawArticle#SCHEMA_VERSION}
 * @param id see {@link RawArticle}
 * @param revision see {@link RawArticle}
 * @param url see {@link RawArticle}
 * @param canonicalUrl see {@link RawArticle}
 * @param source see {@link RawArticle}
 * @param title see {@link RawArticle}
 * @param text see {@link RawArticle}
 * @param author see {@link RawArticle}
 * @param publishedAt see {@link RawArticle}
 * @param ingestedAt see {@link RawArticle}
 * @param language ISO 639-1 code, detected when the raw article had none
 * @param contentHash see {@link RawArticle}
 * @param origin see {@link RawArticle}
 * @param feedId see {@link RawArticle}
 * @param summary one to three whole sentences of the article, at most 600 characters
 * @param entities people, organisations and places, most salient first
 * @param tags IPTC Media Topic top-level slugs, highest score first
 * @param keywords up to ten lower-case key phrases, most important first
 * @param wordCount words in the text
 * @param readingTimeMinutes rounded-up reading time at 230 words a minute, at least 1
 * @param enrichedAt when enrich-service produced this record
 * @param duplicateOf id of an earlier near-duplicate article, nullable
 * @param storyId the story the article belongs to: the id of the story's first article,
 * its own id when it is alone; {@code null} only in records written before stories
 */
public record EnrichedArticle(int schemaVersion, String id, long revision, String url, String canonicalUrl,
		String source, String title, String text, String author, Instant publishedAt, Instant ingestedAt,
		String language, String contentHash, Origin origin, String feedId, String summary, List<Entity> entities,
		List<String> tags, List<String> keywords, int wordCount, int readingTimeMinutes, Instant enrichedAt,
		String duplicateOf, String storyId) {

	public EnrichedArticle {
		entities = (entities != null) ? List.copyOf(entities) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		keywords = (keywords != null) ? List.copyOf(keywords) : List.of();
	}

	/**
	 * An enriched article without a story, as records written before stories were.
	 * @param schemaVersion see the record
	 * @param id see the record
	 * @param revision see the record
	 * @param url see the record
	 * @param canonicalUrl see the record
	 * @param source see the record
	 * @param title see the record
	 * @param text see the record
	 * @param author see the record
	 * @param publishedAt see the record
	 * @param ingestedAt see the record
	 * @param language see the record
	 * @param contentHash see the record
	 * @param origin see the record
	 * @param feedId see the record
	 * @param summary see the record
	 * @param entities see the record
	 * @param tags see the record
	 * @param keywords see the record
	 * @param wordCount see the record
	 * @param readingTimeMinutes see the record
	 * @param enrichedAt see the record
	 * @param duplicateOf see the record
	 */
	public EnrichedArticle(int schemaVersion, String id, long revision, String url, String canonicalUrl, String source,
			String title, String text, String author, Instant publishedAt, Instant ingestedAt, String language,
			String contentHash, Origin origin, String feedId, String summary, List<Entity> entities, List<String> tags,
			List<String> keywords, int wordCount, int readingTimeMinutes, Instant enrichedAt, String duplicateOf) {
		this(schemaVersion, id, revision, url, canonicalUrl, source, title, text, author, publishedAt, ingestedAt,
				language, contentHash, origin, feedId, summary, entities, tags, keywords, wordCount, readingTimeMinutes,
				enrichedAt, duplicateOf, null);
	}

	/**
	 * Combine a raw article with its enrichment.
	 * @param raw the article as ingested
	 * @param enrichment what the enricher found
	 * @param enrichedAt when the enrichment was made
	 * @param duplicateOf id of an earlier near-duplicate, or {@code null}
	 * @return the enriched article
	 */
	public static EnrichedArticle of(RawArticle raw, Enrichment enrichment, Instant enrichedAt, String duplicateOf) {
		return new EnrichedArticle(RawArticle.SCHEMA_VERSION, raw.id(), raw.revision(), raw.url(), raw.canonicalUrl(),
				raw.source(), raw.title(), raw.text(), raw.author(), raw.publishedAt(), raw.ingestedAt(),
				enrichment.language(), raw.contentHash(), raw.origin(), raw.feedId(), enrichment.summary(),
				enrichment.entities(), enrichment.tags(), enrichment.keywords(), enrichment.wordCount(),
				enrichment.readingTimeMinutes(), enrichedAt, duplicateOf, null);
	}

	/**
	 * This article in a story.
	 * @param story the story's id
	 * @return a copy with {@link #storyId()} set
	 */
	public EnrichedArticle withStoryId(String story) {
		return new EnrichedArticle(this.schemaVersion, this.id, this.revision, this.url, this.canonicalUrl, this.source,
				this.title, this.text, this.author, this.publishedAt, this.ingestedAt, this.language, this.contentHash,
				this.origin, this.feedId, this.summary, this.entities, this.tags, this.keywords, this.wordCount,
				this.readingTimeMinutes, this.enrichedAt, this.duplicateOf, story);
	}

}
