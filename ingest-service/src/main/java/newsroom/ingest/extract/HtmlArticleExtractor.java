package newsroom.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import newsroom.ingest.clean.Timestamps;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.stereotype.Component;

/**
 * A first extraction of an article from HTML with jsoup: headline from {@code og:title},
 * {@code <title>} or the first {@code
 *
<h1>}; byline and publication time from the usual meta tags; the canonical link; and the
 * paragraphs of {@code <article>} (else {@code <main>}, else the whole body) outside
 * navigation, asides and footers.
 */
@Component
public class HtmlArticleExtractor {

	private static final String PARAGRAPH_SEPARATOR = "\n\n";

	/** Page chrome that never holds the story. */
	private static final String CHROME = "script, style, noscript, template, svg, nav, header, footer, aside, form, "
			+ "iframe, button, figure figcaption, [aria-hidden=true], [hidden]";

	private static final Pattern LANGUAGE_TAG = Pattern.compile("([A-Za-z]{2})(?:[-_].*)?");

	/**
	 * Extracts what the page says about its article.
	 * @param html the page, not {@code null}
	 * @param pageUrl the URL the page came from, used to resolve relative links; may be
	 * {@code null}
	 * @return the extracted parts
	 */
	public ExtractedPage extract(String html, String pageUrl) {
		Document document = Jsoup.parse(html, (pageUrl != null) ? pageUrl : "");
		Optional<String> title = firstNonBlank(meta(document, "meta[property=og:title]"),
				meta(document, "meta[name=twitter:title]"), Optional.of(document.title()),
				text(document.selectFirst("h1")));
		Optional<String> author = firstNonBlank(meta(document, "meta[name=author]"),
				meta(document, "meta[property=article:author]").filter((value) -> !value.startsWith("http")),
				text(document.selectFirst("[rel=author]")), text(document.selectFirst("[itemprop=author]")));
		Optional<String> published = firstNonBlank(meta(document, "meta[property=article:published_time]"),
				meta(document, "meta[itemprop=datePublished]"),
				attribute(document.selectFirst("article time[datetime], time[datetime]"), "datetime"));
		Optional<String> canonical = firstNonBlank(attribute(document.selectFirst("link[rel=canonical]"), "abs:href"),
				meta(document, "meta[property=og:url]"));
		Optional<String> language = attribute(document.selectFirst("html"), "lang").map(LANGUAGE_TAG::matcher)
			.filter((matcher) -> matcher.matches())
			.map((matcher) -> matcher.group(1).toLowerCase(Locale.ROOT));
		return new ExtractedPage(title, author, published.flatMap(Timestamps::parse), canonical, language,
				bodyText(document));
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

	private static String bodyText(Document document) {
		document.select(CHROME).remove();
		Element root = firstPresent(document.selectFirst("article"), document.selectFirst("[itemprop=articleBody]"),
				document.selectFirst("main"), document.selectFirst("[role=main]"), document.body());
		List<String> paragraphs = new ArrayList<>();
		for (Element element : root.select("p, h2, h3, blockquote:not(:has(p)), li:not(:has(p))")) {
			String text = element.text().strip();
			if (!text.isEmpty()) {
				paragraphs.add(text);
			}
		}
		if (paragraphs.isEmpty()) {
			return root.text().strip();
		}
		return String.join(PARAGRAPH_SEPARATOR, paragraphs);
	}

	private static Optional<String> meta(Document document, String selector) {
		return attribute(document.selectFirst(selector), "content");
	}

	private static Optional<String> attribute(Element element, String name) {
		if (element == null) {
			return Optional.empty();
		}
		String value = element.attr(name).strip();
		return value.isEmpty() ? Optional.empty() : Optional.of(value);
	}

	private static Optional<String> text(Element element) {
		if (element == null) {
			return Optional.empty();
		}
		String value = element.text().strip();
		return value.isEmpty() ? Optional.empty() : Optional.of(value);
	}

	@SafeVarargs
	private static Optional<String> firstNonBlank(Optional<String>... candidates) {
		for (Optional<String> candidate : candidates) {
			if (candidate.isPresent() && !candidate.get().isBlank()) {
				return candidate.map(String::strip);
			}
		}
		return Optional.empty();
	}

	private static Element firstPresent(Element... candidates) {
		for (Element candidate : candidates) {
			if (candidate != null) {
				return candidate;
			}
		}
		return new Element("body");
	}

}
