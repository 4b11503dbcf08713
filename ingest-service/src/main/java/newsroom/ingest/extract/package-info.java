/**
 * Extraction of an article (headline, byline, dates, canonical link, body) from an HTML
 * page.
 */
package newsroom.ingest.extract;
