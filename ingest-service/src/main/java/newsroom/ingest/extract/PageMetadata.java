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
import org.jsoup.parser.Parser;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a page says about its article outside the body: byline, publication time,
 * canonical link and language, from Open Graph and other meta tags, JSON-LD
 * ({@code NewsArticle}, {@code Article}, {@code BlogPosting}... also inside
 * {@code @graph}), microdata, {@code <time>} and the visible byline. The headline is
 * {@link TitleFinder}'s.
 */
final class PageMetadata {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
				JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
		.build();

	private static final List<String> ARTICLE_TYPES = List.of("newsarticle", "article", "blogposting",
			"reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
			"backgroundnewsarticle", "liveblogposting", "scholarlyarticle", "techarticle", "report");

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

	static Optional<String> text(JsonNode node) {
		if (node == null || !node.isString()) {
			return Optional.empty();
		}
		String value = squash(Parser.unescapeEntities(node.asString(), false));
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
