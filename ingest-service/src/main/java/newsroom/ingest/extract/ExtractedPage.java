package newsroom.ingest.extract;

import java.time.Instant;
import java.util.Optional;

/**
 * What an HTML page says about the article it carries; every part may be missing.
 *
 * @param title the headline
 * @param author the byline
 * @param publishedAt when the page says it was published
 * @param canonicalUrl the page's canonical link, absolute, not yet canonicalised
 * @param language the primary language subtag of the page's {@code lang} attribute
 * @param text the body text, paragraphs separated by blank lines, not yet cleaned
 */
public record ExtractedPage(Optional<String> title, Optional<String> author, Optional<Instant> publishedAt,
		Optional<String> canonicalUrl, Optional<String> language, String text) {

}
