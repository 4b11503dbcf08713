package newsroom.ingest.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsroom.ingest.clean.Timestamps;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a page says about its article outside the body: headline, byline, publication
 * time, canonical link and language, from Open Graph and other meta tags, JSON-LD
 * ({@code NewsArticle}, {@code Article}, {@code BlogPosting}... also inside
 * {@code @graph}), microdata, {@code <time>} and the visible headline and byline.
 */
final class PageMetadata {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
				JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
		.build();

	private static final List<String> ARTICLE_TYPES = List.of("newsarticle", "article", "blogposting",
			"reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
			"backgroundnewsarticle", "liveblogposting", "scholarlyarticle", "techarticle", "report");

	/** Separators between a headline and the site name in {@code <title>}. */
	private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·»•~/]\\s+|\\s+::\\s+");

	private static final Pattern LANGUAGE_TAG = Pattern.compile("([A-Za-z]{2,3})(?:[-_].*)?");

	private static final Pattern BYLINE_PREFIX = Pattern.compile("^(?:by|von|par|por|door|di|av|af)\\s+",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern BYLINE_TAIL = Pattern.compile(
			"\\s*(?:[|,•·–—-]\\s*)?(?:published|updated|posted|last updated|\\d{1,2}(?:st|nd|rd|th)?\\s+\\w+\\s+\\d{4}|\\w+\\s+\\d{1,2},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}).*$",
			Pattern.CASE_INSENSITIVE);

	private PageMetadata() {
	}

	/**
	 * The JSON-LD objects of a page that describe an article.
	 * @param document the page
	 * @return the article objects, in document order
	 */
	static List<JsonNode> articleObjects(Document document) {
		List<JsonNode> articles = new ArrayList<>();
		for (Element script : document.select("script[type=application/ld+json]")) {
			try {
				collect(JSON.readTree(script.data()), articles, 0);
			}
			catch (JacksonException ex) {
				// Broken JSON-LD is common; the other sources still count.
			}
		}
		return articles;
	}

	private static void collect(JsonNode node, List<JsonNode> articles, int depth) {
		if (node == null || depth > 5) {
			return;
		}
		if (node.isArray()) {
			node.forEach((child) -> collect(child, articles, depth + 1));
			return;
		}
		if (!node.isObject()) {
			return;
		}
		if (isArticle(node.path("@type"))) {
			articles.add(node);
		}
		collect(node.get("@graph"), articles, depth + 1);
		JsonNode main = node.get("mainEntity");
		if (main != null && main.isObject()) {
			collect(main, articles, depth + 1);
		}
	}

	private static boolean isArticle(JsonNode type) {
		if (type.isArray()) {
			for (JsonNode each : type) {
				if (isArticle(each)) {
					return true;
				}
			}
			return false;
		}
		return type.isString() && ARTICLE_TYPES.contains(type.asString().toLowerCase(Locale.ROOT));
	}

	/**
	 * The headline: the visible {@code
	 *
	<h1>} when the metadata agree with it, else the JSON-LD headline, {@code og:title},
	 * {@code twitter:title} or {@code <title>}, with a site name before or after a
	 * separator removed.
	 */
	static Optional<String> title(Document document, List<JsonNode> articles, Optional<Element> content) {
		List<String> siteNames = siteNames(document, articles);
		List<String> declared = new ArrayList<>();
		articles.stream()
			.map((article) -> text(article.path("headline")))
			.flatMap(Optional::stream)
			.forEach(declared::add);
		meta(document, "meta[property=og:title], meta[name=og:title]").ifPresent(declared::add);
		meta(document, "meta[name=twitter:title], meta[property=twitter:title]").ifPresent(declared::add);
		meta(document, "meta[itemprop=headline]").ifPresent(declared::add);
		articles.stream().map((article) -> text(article.path("name"))).flatMap(Optional::stream).forEach(declared::add);
		String documentTitle = squash(document.title());
		List<String> headings = headings(document, content);
		List<String> known = new ArrayList<>(declared);
		if (!documentTitle.isEmpty()) {
			known.add(documentTitle);
		}
		for (String heading : headings) {
			String key = key(heading);
			if (key.length() < 8 || siteNames.stream().anyMatch((site) -> key(site).equals(key))) {
				continue;
			}
			// The visible headline wins when a declared title, without its site name,
			// says
			// the same (perhaps longer): it is what readers see, free of " | Site".
			if (known.stream()
				.map((candidate) -> key(stripSiteName(candidate, siteNames)))
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

	/**
	 * The page's {@code
	 *
	<h1>} texts, those inside the content first.
	 */
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
		String text = squash(element.text());
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
			String key = key(text);
			for (String segment : segments) {
				if (key.equals(key(segment)) && (longest.isEmpty() || segment.length() > longest.get().length())) {
					longest = Optional.of(segment);
				}
			}
		}
		return longest;
	}

	/** Whether a heading is one of the separated parts of a title ("Headline | Site"). */
	private static boolean isSegment(String title, String headingKey) {
		for (String part : TITLE_SEPARATOR.split(title)) {
			if (key(part).equals(headingKey)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> siteNames(Document document, List<JsonNode> articles) {
		List<String> names = new ArrayList<>();
		meta(document, "meta[property=og:site_name], meta[name=application-name], meta[name=publisher]")
			.ifPresent(names::add);
		for (JsonNode article : articles) {
			text(article.path("publisher").path("name")).ifPresent(names::add);
		}
		return names;
	}

	/**
	 * A title without the site name: the separated part equal to a known site name is
	 * dropped, else a short last (or first) part when the rest is clearly the headline.
	 */
	static String stripSiteName(String title, List<String> siteNames) {
		String value = squash(title);
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
			if (key(tail).equals(key(site))) {
				return stripSiteName(head, siteNames);
			}
			if (key(lead).equals(key(site))) {
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

	/**
	 * The byline: JSON-LD author, meta author, {@code rel=author}, microdata, else a
	 * visible byline element.
	 */
	static Optional<String> author(Document document, List<JsonNode> articles) {
		for (JsonNode article : articles) {
			Optional<String> names = authors(article.path("author"));
			if (names.isPresent()) {
				return names;
			}
		}
		Optional<String> meta = meta(document,
				"meta[name=author], meta[name=Author], meta[name=byl], meta[name=dc.creator], meta[name=DC.creator], "
						+ "meta[name=sailthru.author], meta[name=parsely-author]")
			.filter((value) -> !value.startsWith("http"))
			.map(PageMetadata::cleanByline);
		if (meta.isPresent() && !meta.get().isEmpty()) {
			return meta;
		}
		Optional<String> articleAuthor = meta(document, "meta[property=article:author]")
			.filter((value) -> !value.startsWith("http"));
		if (articleAuthor.isPresent()) {
			return articleAuthor;
		}
		for (String selector : List.of("[itemprop=author] [itemprop=name]", "[itemprop=author]", "a[rel=author]",
				"[rel=author]", "[class~=(?i)^(byline|by-line|author|author-name|byline__name|writer|article-author)$]",
				"[class*=byline]", "[class*=author-name]")) {
			Element element = document.selectFirst(selector);
			if (element != null) {
				String byline = cleanByline(element.text());
				if (!byline.isEmpty() && byline.length() <= 100) {
					return Optional.of(byline);
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<String> authors(JsonNode author) {
		List<String> names = new ArrayList<>();
		if (author.isArray()) {
			author.forEach((each) -> authors(each).ifPresent(names::add));
		}
		else if (author.isObject()) {
			text(author.path("name")).ifPresent(names::add);
		}
		else {
			text(author).filter((value) -> !value.startsWith("http")).ifPresent(names::add);
		}
		return names.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", names));
	}

	/** "By Chloe Ren | 1 November 2024" is "Chloe Ren". */
	static String cleanByline(String text) {
		String value = squash(text);
		value = BYLINE_PREFIX.matcher(value).replaceFirst("");
		value = BYLINE_TAIL.matcher(value).replaceFirst("");
		return value.replaceAll("[\\s,|•·–—-]+$", "").strip();
	}

	/**
	 * The publication time: {@code article:published_time} and its relatives, JSON-LD
	 * {@code datePublished}, microdata, else a {@code <time datetime>}.
	 */
	static Optional<Instant> publishedAt(Document document, List<JsonNode> articles) {
		List<String> candidates = new ArrayList<>();
		meta(document, "meta[property=article:published_time], meta[name=article:published_time]")
			.ifPresent(candidates::add);
		articles.stream()
			.map((article) -> text(article.path("datePublished")))
			.flatMap(Optional::stream)
			.forEach(candidates::add);
		meta(document, "meta[itemprop=datePublished], meta[name=pubdate], meta[name=publish-date], "
				+ "meta[name=publication_date], meta[name=date], meta[name=dc.date], meta[name=DC.date.issued], "
				+ "meta[name=sailthru.date], meta[name=parsely-pub-date], meta[property=og:published_time]")
			.ifPresent(candidates::add);
		for (Element time : document.select("[itemprop=datePublished][datetime], time[pubdate][datetime], "
				+ "article time[datetime], time[datetime]")) {
			candidates.add(time.attr("datetime"));
		}
		articles.stream()
			.map((article) -> text(article.path("dateModified")))
			.flatMap(Optional::stream)
			.forEach(candidates::add);
		for (String candidate : candidates) {
			Optional<Instant> instant = Timestamps.parse(candidate);
			if (instant.isPresent()) {
				return instant;
			}
		}
		return Optional.empty();
	}

	/** The canonical link, else {@code og:url}, else the JSON-LD URL. */
	static Optional<String> canonicalUrl(Document document, List<JsonNode> articles) {
		Element canonical = document.selectFirst("link[rel=canonical][href]");
		if (canonical != null && !canonical.absUrl("href").isEmpty()) {
			return Optional.of(canonical.absUrl("href"));
		}
		Optional<String> og = meta(document, "meta[property=og:url]").filter((url) -> url.startsWith("http"));
		if (og.isPresent()) {
			return og;
		}
		for (JsonNode article : articles) {
			Optional<String> url = text(article.path("url"))
				.or(() -> text(article.path("mainEntityOfPage").path("@id")))
				.or(() -> text(article.path("mainEntityOfPage")))
				.filter((value) -> value.startsWith("http"));
			if (url.isPresent()) {
				return url;
			}
		}
		return Optional.empty();
	}

	/** The primary language subtag: {@code <html lang>}, else the other declarations. */
	static Optional<String> language(Document document, List<JsonNode> articles) {
		List<String> candidates = new ArrayList<>();
		Element html = document.selectFirst("html");
		if (html != null) {
			candidates.add(html.attr("lang"));
			candidates.add(html.attr("xml:lang"));
		}
		meta(document, "meta[http-equiv=content-language], meta[name=language], meta[property=og:locale]")
			.ifPresent(candidates::add);
		articles.stream()
			.map((article) -> text(article.path("inLanguage")))
			.flatMap(Optional::stream)
			.forEach(candidates::add);
		for (String candidate : candidates) {
			Matcher matcher = LANGUAGE_TAG.matcher(candidate.strip());
			if (matcher.matches() && matcher.group(1).length() == 2) {
				return Optional.of(matcher.group(1).toLowerCase(Locale.ROOT));
			}
		}
		return Optional.empty();
	}

	static Optional<String> meta(Document document, String selector) {
		for (Element element : document.select(selector)) {
			String value = squash(element.attr("content"));
			if (!value.isEmpty()) {
				return Optional.of(value);
			}
		}
		return Optional.empty();
	}

	private static Optional<String> text(JsonNode node) {
		if (node == null || !node.isString()) {
			return Optional.empty();
		}
		String value = squash(org.jsoup.parser.Parser.unescapeEntities(node.asString(), false));
		return value.isEmpty() ? Optional.empty() : Optional.of(value);
	}

	static String squash(String text) {
		return (text == null) ? "" : text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
	}

	/** Letters and digits only, lower-case, for comparing headlines. */
	static String key(String text) {
		StringBuilder key = new StringBuilder(text.length());
		text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
		return key.toString();
	}

}
