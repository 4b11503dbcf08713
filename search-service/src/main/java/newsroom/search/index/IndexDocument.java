package newsroom.search.index;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import newsroom.events.Origin;

/**
 * An article as stored in the search index: every field of the {@link EnrichedArticle},
 * so that the article can be served back whole, plus the inputs of the completion
 * suggester. Field names are the mapping's ({@code elasticsearch/news-mappings.json}).
 *
 * @param schemaVersion see {@link EnrichedArticle}
 * @param id see {@link EnrichedArticle}
 * @param revision see {@link EnrichedArticle}; also the document's external version
 * @param url see {@link EnrichedArticle}
 * @param canonicalUrl see {@link EnrichedArticle}
 * @param source see {@link EnrichedArticle}
 * @param title see {@link EnrichedArticle}
 * @param text see {@link EnrichedArticle}
 * @param author see {@link EnrichedArticle}
 * @param publishedAt see {@link EnrichedArticle}
 * @param ingestedAt see {@link EnrichedArticle}
 * @param language see {@link EnrichedArticle}
 * @param contentHash see {@link EnrichedArticle}
 * @param origin see {@link EnrichedArticle}
 * @param feedId see {@link EnrichedArticle}
 * @param summary see {@link EnrichedArticle}
 * @param entities see {@link EnrichedArticle}
 * @param tags see {@link EnrichedArticle}
 * @param keywords see {@link EnrichedArticle}
 * @param wordCount see {@link EnrichedArticle}
 * @param readingTimeMinutes see {@link EnrichedArticle}
 * @param enrichedAt see {@link EnrichedArticle}
 * @param duplicateOf see {@link EnrichedArticle}
 * @param storyId see {@link EnrichedArticle}; the article's own id when the record has
 * none (written before stories), so that every document is in a story and a search
 * collapses on it
 * @param suggest completion inputs: entity names and the title
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndexDocument(int schemaVersion, String id, long revision, String url, String canonicalUrl, String source,
		String title, String text, String author, Instant publishedAt, Instant ingestedAt, String language,
		String contentHash, Origin origin, String feedId, String summary, List<IndexedEntity> entities,
		List<String> tags, List<String> keywords, int wordCount, int readingTimeMinutes, Instant enrichedAt,
		String duplicateOf, String storyId, List<Suggestion> suggest) {

	/**
	 * The text fields free text ({@code q}) is matched against, headline first, with
	 * their boosts: the search and the saved searches (alerts) read {@code q} alike.
	 */
	public static final List<String> FREE_TEXT_FIELDS = List.of("title^3", "summary", "text", "entities.name.text");

	/** Context value of suggestions made from titles; entities use their type's name. */
	public static final String TITLE_KIND = "TITLE";

	/** Name of the completion field's category context. */
	public static final String KIND_CONTEXT = "kind";

	/** Elasticsearch refuses longer document ids, failing a whole bulk request. */
	public static final int MAX_ID_BYTES = 512;

	public IndexDocument {
		entities = (entities != null) ? List.copyOf(entities) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		keywords = (keywords != null) ? List.copyOf(keywords) : List.of();
		suggest = (suggest != null) ? List.copyOf(suggest) : List.of();
	}

	/**
	 * Whether an article id can be a document id: not blank, and at most
	 * {@value #MAX_ID_BYTES} bytes. A longer id cannot be in the index.
	 * @param id the article id
	 * @return {@code true} when Elasticsearch takes it as a document id
	 */
	public static boolean isUsableId(String id) {
		return !id.isBlank() && id.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES;
	}

	/**
	 * Build the document for an enriched article.
	 * @param article the article as enrich-service published it
	 * @return its index document
	 */
	public static IndexDocument from(EnrichedArticle article) {
		List<IndexedEntity> entities = article.entities().stream().map(IndexedEntity::from).toList();
		return new IndexDocument(article.schemaVersion(), article.id(), article.revision(), article.url(),
				article.canonicalUrl(), article.source(), article.title(), article.text(), article.author(),
				article.publishedAt(), article.ingestedAt(), article.language(), article.contentHash(),
				article.origin(), article.feedId(), article.summary(), entities, article.tags(), article.keywords(),
				article.wordCount(), article.readingTimeMinutes(), article.enrichedAt(), article.duplicateOf(),
				storyOf(article), suggestions(article));
	}

	/**
	 * The enriched article this document was built from.
	 * @return the article, as published on the enriched topic
	 */
	public EnrichedArticle toArticle() {
		List<Entity> articleEntities = this.entities.stream().map(IndexedEntity::toEntity).toList();
		return new EnrichedArticle(this.schemaVersion, this.id, this.revision, this.url, this.canonicalUrl, this.source,
				this.title, this.text, this.author, this.publishedAt, this.ingestedAt, this.language, this.contentHash,
				this.origin, this.feedId, this.summary, articleEntities, this.tags, this.keywords, this.wordCount,
				this.readingTimeMinutes, this.enrichedAt, this.duplicateOf, this.storyId);
	}

	/**
	 * The story an article is indexed in: its {@code storyId}, or for records written
	 * before stories (no {@code storyId}), a story of its own.
	 * @param article the enriched article
	 * @return the story id
	 */
	public static String storyOf(EnrichedArticle article) {
		return (article.storyId() != null && !article.storyId().isBlank()) ? article.storyId() : article.id();
	}

	private static List<Suggestion> suggestions(EnrichedArticle article) {
		List<Suggestion> suggestions = new ArrayList<>();
		for (Entity entity : article.entities()) {
			String input = suggestionInput(entity.name());
			if (!input.isEmpty() && entity.type() != null) {
				// Salience orders suggestions: a central entity ranks above a passing
				// mention.
				int weight = (int) Math.max(1, Math.round(finite(entity.salience()) * 100));
				suggestions
					.add(new Suggestion(List.of(input), weight, Map.of(KIND_CONTEXT, List.of(entity.type().name()))));
			}
		}
		String title = suggestionInput(article.title());
		if (!title.isEmpty()) {
			suggestions.add(new Suggestion(List.of(title), 1, Map.of(KIND_CONTEXT, List.of(TITLE_KIND))));
		}
		return suggestions;
	}

	private static double finite(double value) {
		return Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
	}

	/**
	 * The completion field refuses inputs holding the control characters it reserves
	 * (U+0000, U+001E, U+001F); a stray one from a scraped page must not keep the whole
	 * article out of the index, so controls become spaces.
	 */
	static String suggestionInput(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder clean = new StringBuilder(value.length());
		value.codePoints().forEach((cp) -> clean.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
		return clean.toString().replaceAll("\\s+", " ").strip();
	}

	/**
	 * An entity as indexed: a nested document, also copied into the root document so that
	 * free-text queries reach {@code entities.name.text}.
	 *
	 * @param name see {@link Entity}
	 * @param type see {@link Entity}
	 * @param mentions see {@link Entity}
	 * @param salience see {@link Entity}
	 * @param countryCode see {@link Entity}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record IndexedEntity(String name, EntityType type, int mentions, double salience, String countryCode) {

		static IndexedEntity from(Entity entity) {
			return new IndexedEntity(entity.name(), entity.type(), entity.mentions(), entity.salience(),
					entity.countryCode());
		}

		Entity toEntity() {
			return new Entity(this.name, this.type, this.mentions, this.salience, this.countryCode);
		}

	}

	/**
	 * One input of the completion field.
	 *
	 * @param input the text to complete
	 * @param weight rank among completions of the same prefix
	 * @param contexts the {@value #KIND_CONTEXT} category: an entity type or
	 * {@value #TITLE_KIND}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Suggestion(List<String> input, int weight, Map<String, List<String>> contexts) {
	}

}
