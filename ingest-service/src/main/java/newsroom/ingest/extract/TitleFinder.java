package newsroom.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;

/**
 * Finds the headline of a page: the visible {@code
 *
<h1>} when a declared title (JSON-LD, Open Graph, Twitter, microdata, {@code <title>})
 * says the same, else a declared title without the site name ({@code og:site_name}, the
 * publisher, or the part of the title the page does not show).
 */
final class TitleFinder {

	/** Separators between a headline and the site name in {@code <title>}. */
	private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·»•~/]\\s+|\\s+::\\s+");

	private TitleFinder() {
	}

	/**
	 * The headline: the visible heading when the metadata agree with it, else the JSON-LD
	 * headline, {@code og:title}, {@code twitter:title} or {@code <title>}, with a site
	 * name before or after a separator removed.
	 */
	static Optional<String> title(Document document, List<JsonNode> articles, Optional<Element> content) {
		List<String> siteNames = siteNames(document, articles);
		List<String> declared = new ArrayList<>();
		articles.stream()
			.map((article) -> PageMetadata.text(article.path("headline")))
			.flatMap(Optional::stream)
			.forEach(declared::add);
		PageMetadata.meta(document, "meta[property=og:title], meta[name=og:title]").ifPresent(declared::add);
		PageMetadata.meta(document, "meta[name=twitter:title], meta[property=twitter:title]").ifPresent(declared::add);
		PageMetadata.meta(document, "meta[itemprop=headline]").ifPresent(declared::add);
		articles.stream()
			.map((article) -> PageMetadata.text(article.path("name")))
			.flatMap(Optional::stream)
			.forEach(declared::add);
		String documentTitle = PageMetadata.squash(document.title());
		List<String> headings = headings(document, content);
		List<String> known = new ArrayList<>(declared);
		if (!documentTitle.isEmpty()) {
			known.add(documentTitle);
		}
		for (String heading : headings) {
			String key = PageMetadata.key(heading);
			if (key.length() < 8 || siteNames.stream().anyMatch((site) -> PageMetadata.key(site).equals(key))) {
				continue;
			}
			// The visible headline wins when a declared title, without its site name,
			// says
			// the same (perhaps longer): it is what readers see, free of " | Site".
			if (known.stream()
				.map((candidate) -> PageMetadata.key(stripSiteName(candidate, siteNames)))
				.anyMatch((candidate) -> candidate.contains(key) && key.length() * 10 >= candidate.length() * 6)
					|| (declared.isEmpty() && isSegment(documentTitle, key))) {
				return Optional.of(heading);
			}
		}
		// A declared title without a separator has no site name to strip.
		for (String candidate : declared) {
			if (!TITLE_SEPARATOR.matcher(candidate).find()) {
				return Optional.of(candidate);
			}
		}
		Optional<String> shown = shownSegment(document, declared, documentTitle);
		if (shown.isPresent()) {
			return shown;
		}
		for (String candidate : declared) {
			String stripped = stripSiteName(candidate, siteNames);
			if (!stripped.isEmpty()) {
				return Optional.of(stripped);
			}
		}
		if (!documentTitle.isEmpty()) {
			return Optional.of(stripSiteName(documentTitle, siteNames));
		}
		return headings.stream().findFirst();
	}

	/** The texts of the page's first-level headings, those inside the content first. */
	private static List<String> headings(Document document, Optional<Element> content) {
		List<String> headings = new ArrayList<>();
		document.select("article h1, main h1, [role=main] h1, [itemprop=articleBody] h1")
			.forEach((heading) -> addText(headings, heading));
		content.ifPresent((element) -> {
			for (Element parent = element; parent != null && headings.isEmpty(); parent = parent.parent()) {
				parent.select("h1").forEach((heading) -> addText(headings, heading));
				if (parent.normalName().equals("body")) {
					break;
				}
			}
		});
		document.select("h1, [itemprop=headline]").forEach((heading) -> addText(headings, heading));
		if (headings.isEmpty()) {
			document.select("h2").stream().limit(1).forEach((heading) -> addText(headings, heading));
		}
		return headings;
	}

	private static void addText(List<String> texts, Element element) {
		String text = PageMetadata.squash(element.text());
		if (!text.isEmpty() && !texts.contains(text)) {
			texts.add(text);
		}
	}

	/**
	 * The part of a declared or document title (split at its separators) that the page
	 * shows on its own, as a heading or a bold line: that part is the headline, the rest
	 * is the site name ("GAZETTE ONLINE :: Headline").
	 */
	private static Optional<String> shownSegment(Document document, List<String> declared, String documentTitle) {
		List<String> segments = new ArrayList<>();
		List<String> titles = new ArrayList<>(declared);
		titles.add(documentTitle);
		for (String title : titles) {
			String[] parts = TITLE_SEPARATOR.split(title);
			if (parts.length < 2) {
				continue;
			}
			for (String part : parts) {
				if (words(part) >= 3 && !segments.contains(part.strip())) {
					segments.add(part.strip());
				}
			}
		}
		if (segments.isEmpty() || document.body() == null) {
			return Optional.empty();
		}
		Optional<String> longest = Optional.empty();
		for (Element element : document.body().getAllElements()) {
			String text = element.text();
			if (text.length() > 300 || text.length() < 10) {
				continue;
			}
			String key = PageMetadata.key(text);
			for (String segment : segments) {
				if (key.equals(PageMetadata.key(segment))
						&& (longest.isEmpty() || segment.length() > longest.get().length())) {
					longest = Optional.of(segment);
				}
			}
		}
		return longest;
	}

	/** Whether a heading is one of the separated parts of a title ("Headline | Site"). */
	private static boolean isSegment(String title, String headingKey) {
		for (String part : TITLE_SEPARATOR.split(title)) {
			if (PageMetadata.key(part).equals(headingKey)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> siteNames(Document document, List<JsonNode> articles) {
		List<String> names = new ArrayList<>();
		PageMetadata.meta(document, "meta[property=og:site_name], meta[name=application-name], meta[name=publisher]")
			.ifPresent(names::add);
		for (JsonNode article : articles) {
			PageMetadata.text(article.path("publisher").path("name")).ifPresent(names::add);
		}
		return names;
	}

	/**
	 * A title without the site name: the separated part equal to a known site name is
	 * dropped, else a short last (or first) part when the rest is clearly the headline.
	 */
	static String stripSiteName(String title, List<String> siteNames) {
		String value = PageMetadata.squash(title);
		Matcher separator = TITLE_SEPARATOR.matcher(value);
		List<int[]> separators = new ArrayList<>();
		while (separator.find()) {
			separators.add(new int[] { separator.start(), separator.end() });
		}
		if (separators.isEmpty()) {
			return value;
		}
		int[] last = separators.get(separators.size() - 1);
		String head = value.substring(0, last[0]).strip();
		String tail = value.substring(last[1]).strip();
		int[] first = separators.get(0);
		String lead = value.substring(0, first[0]).strip();
		String rest = value.substring(first[1]).strip();
		for (String site : siteNames) {
			if (PageMetadata.key(tail).equals(PageMetadata.key(site))) {
				return stripSiteName(head, siteNames);
			}
			if (PageMetadata.key(lead).equals(PageMetadata.key(site))) {
				return stripSiteName(rest, siteNames);
			}
		}
		if (words(tail) <= 4 && words(head) >= 3 && looksLikeName(tail)) {
			return stripSiteName(head, siteNames);
		}
		return value;
	}

	private static boolean looksLikeName(String text) {
		return text.contains(".") || Character.isUpperCase(text.codePointAt(0)) || text.equals(text.toUpperCase());
	}

	private static int words(String text) {
		return text.isBlank() ? 0 : text.strip().split("\\s+").length;
	}

}
