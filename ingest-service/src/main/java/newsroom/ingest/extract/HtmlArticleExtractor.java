package newsroom.ingest.extract;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Extracts the article of an HTML page with jsoup: headline, byline, publication time,
 * canonical link and language from the page's metadata ({@link PageMetadata}), and the
 * body found by text density without the page's furniture ({@link ContentFinder}).
 * Measured on the pages in {@code src/test/resources/extraction} (see the module README).
 */
@Component
public class HtmlArticleExtractor {

	private static final String PARAGRAPH_SEPARATOR = "\n\n";

	/**
	 * Extracts what the page says about its article.
	 * @param html the page, not {@code null}
	 * @param pageUrl the URL the page came from, used to resolve relative links; may be
	 * {@code null}
	 * @return the extracted parts
	 */
	public ExtractedPage extract(String html, String pageUrl) {
		Document document = Jsoup.parse(html, (pageUrl != null) ? pageUrl : "");
		List<JsonNode> articles = PageMetadata.articleObjects(document);
		Optional<String> author = PageMetadata.author(document, articles);
		Optional<Instant> published = PageMetadata.publishedAt(document, articles);
		Optional<String> canonical = PageMetadata.canonicalUrl(document, articles);
		Optional<String> language = PageMetadata.language(document, articles);
		Document content = document.clone();
		ContentFinder.removeFurniture(content);
		List<Element> body = ContentFinder.bodyElements(content);
		Optional<String> title = TitleFinder.title(document, articles, Optional.empty());
		List<String> paragraphs = ContentFinder.paragraphsOf(body, title.orElse(null));
		String text = String.join(PARAGRAPH_SEPARATOR, paragraphs);
		return new ExtractedPage(title, author, published, canonical, language, text);
	}

	/**
	 * The text of an HTML fragment, such as a feed entry's content: paragraphs as a
	 * reader sees them, separated by blank lines.
	 * @param html the fragment, may be {@code null}
	 * @return its text, empty when none
	 */
	public String fragmentText(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		Document document = Jsoup.parseBodyFragment(html);
		document.select("script, style, noscript, template, iframe, object, embed").remove();
		return String.join(PARAGRAPH_SEPARATOR, BlockText.paragraphs(document.body()));
	}

}
