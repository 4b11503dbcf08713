package newsroom.enrich.api;

import java.util.List;

import newsroom.enrich.analysis.Analysis;
import newsroom.events.Enrichment;
import newsroom.events.Entity;

/**
 * Answer of {@code POST /api/v1/enrich}: every enrichment field of the enriched topic.
 *
 * @param language ISO 639-1 code
 * @param summary one to three whole sentences, at most 600 characters
 * @param entities people, organisations and places, most salient first
 * @param tags IPTC Media Topic top-level slugs, highest score first
 * @param keywords up to ten lower-case key phrases, most important first
 * @param wordCount words in the text
 * @param readingTimeMinutes rounded-up reading time, at least 1
 * @param duplicateOf id of an article already enriched that this text near-duplicates, or
 * {@code null}
 */
record EnrichResponse(String language, String summary, List<Entity> entities, List<String> tags, List<String> keywords,
		int wordCount, int readingTimeMinutes, String duplicateOf) {

	static EnrichResponse of(Analysis analysis, String duplicateOf) {
		Enrichment enrichment = analysis.enrichment();
		return new EnrichResponse(enrichment.language(), enrichment.summary(), enrichment.entities(), enrichment.tags(),
				enrichment.keywords(), enrichment.wordCount(), enrichment.readingTimeMinutes(), duplicateOf);
	}

}
