package newsroom.enrich.analysis;

import newsroom.events.Enrichment;

/**
 * What the enricher found in one article: the enrichment the contract publishes, and the
 * 64-bit SimHash fingerprint the near-duplicate check compares.
 *
 * @param enrichment the enrichment
 * @param fingerprint the SimHash of the article's body, 0 for an empty body
 */
public record Analysis(Enrichment enrichment, long fingerprint) {
}
