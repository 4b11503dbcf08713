package newsroom.events;

import java.util.List;

/**
 * What the enricher computes for one article, independent of how the article arrived.
 * Also the answer of enrich-service's {@code POST /api/v1/enrich}.
 *
 * @param language ISO 639-1 code
 * @param summary one to three whole sentences, at most 600 characters
 * @param entities people, organisations and places, most salient first
 * @param tags IPTC Media Topic top-level slugs, highest score first
 * @param keywords up to ten lower-case key phrases
 * @param wordCount words in the text
 * @param readingTimeMinutes rounded-up reading time, at least 1
 */
public record Enrichment(String language, String summary, List<Entity> entities, List<String> tags,
		List<String> keywords, int wordCount, int readingTimeMinutes) {

	public Enrichment {
		entities = (entities != null) ? List.copyOf(entities) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		keywords = (keywords != null) ? List.copyOf(keywords) : List.of();
	}

}
