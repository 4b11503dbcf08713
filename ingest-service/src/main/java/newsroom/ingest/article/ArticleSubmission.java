package newsroom.ingest.article;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One article as a client submits it; unknown fields are ignored. Values are taken as
 * text and checked with Bean Validation by {@link ArticleIntake}, so that every bad field
 * is named in one answer (a malformed {@code publishedAt} included).
 *
 * @param url the article's URL, absolute http or https, optional
 * @param title the headline, required unless it can be extracted from {@code html}
 * @param text the body as plain text; this or {@code html} is required
 * @param html the page, from which missing parts are extracted
 * @param source short publisher name; defaults to the URL's host, else {@code api}
 * @param author the byline, optional
 * @param publishedAt ISO-8601 date-time with offset; defaults to the ingest time
 * @param language ISO 639-1 code, optional
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@TextOrHtml
public record ArticleSubmission(@HttpUrl String url, String title, String text, String html, String source,
		String author, @IsoDateTime String publishedAt, @LanguageCode String language) {

	boolean hasText() {
		return this.text != null && !this.text.isBlank();
	}

	boolean hasHtml() {
		return this.html != null && !this.html.isBlank();
	}

}
