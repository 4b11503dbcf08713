package newsroom.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the article body of a page by text density, in the manner of Readability: page
 * chrome and boxes whose class or id name them furniture (share bars, related links,
 * comments, newsletters, cookie banners, author bios, captions...) are removed; every
 * paragraph adds a score (its length and commas) to its parent and, halved, to its
 * grandparent; the best-scored container, weighed by its link density, is the body, and
 * siblings that score well join it (bodies split by ad or related boxes). Its paragraphs
 * are then filtered for link lists, bylines and datelines.
 */
final class ContentFinder {

	/** Elements that never hold the story. */
	private static final String CHROME = "script, style, noscript, template, svg, canvas, iframe, object, embed, "
			+ "form, button, input, select, textarea, nav, footer, aside, dialog, menu, figcaption, figure, picture, "
			+ "video, audio, [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], "
			+ "[role=complementary], [role=dialog], [role=alertdialog], [role=search], [role=toolbar]";

	/**
	 * Name parts (of class and id tokens) that mark furniture. A token is a run of
	 * letters between separators, so "share-bar" and "shareBar" both have "share".
	 */
	private static final Set<String> NEGATIVE = Set.of("share", "sharing", "social", "related", "recommended",
			"recommendations", "recirc", "comment", "comments", "disqus", "newsletter", "newsletters", "subscribe",
			"subscription", "signup", "promo", "promotion", "ad", "ads", "advert", "adverts", "advertisement",
			"advertising", "sponsor", "sponsored", "outbrain", "taboola", "cookie", "cookies", "consent", "gdpr",
			"banner", "popup", "modal", "overlay", "byline", "bio", "biography", "tags", "tag", "topics", "breadcrumb",
			"breadcrumbs", "pagination", "pager", "sidebar", "widget", "widgets", "footer", "masthead", "menu", "nav",
			"navigation", "skip", "caption", "credit", "credits", "trending", "popular", "mostread", "toolbar", "print",
			"header", "meta", "dateline", "timestamp", "rating", "survey", "paywall", "teaser", "teasers", "carousel",
			"gallery", "video", "player", "author", "authors", "contributor", "readmore", "further", "more", "next",
			"prev", "previous", "follow", "donate", "support", "alert", "alerts", "notice", "toc", "aside", "pullquote",
			"quote-box", "infobox", "factbox", "links", "category", "categories", "login", "search", "sr", "visually",
			"offscreen", "copyright", "disclaimer", "corrections", "feedback", "podcast", "audio", "listen", "embed",
			"reactions", "rail", "promoted", "partner", "partners", "shop", "affiliate");

	private static final Set<String> POSITIVE = Set.of("article", "body", "content", "story", "entry", "post", "text",
			"main", "prose", "articlebody", "blog", "page", "news", "richtext", "rte", "copy");

	private static final Pattern TOKEN_SPLIT = Pattern.compile("[^a-z]+|(?<=[a-z])(?=[A-Z])");

	private static final Pattern BYLINE_LINE = Pattern.compile(
			"(?i)^(?:by|words by|written by|story by|reporting by|von|par|por)\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:and\\s+|&\\s+)?\\p{Lu}[\\p{L}.'’-]*){0,6}\\b.{0,60}$");

	private static final Pattern DATELINE = Pattern.compile(
			"(?i)^(?:published|updated|posted|last updated|first published|modified)\\b.{0,60}$|^\\d{1,2}\\s+\\p{L}+\\s+\\d{4}(?:,?\\s+\\d{1,2}[:.]\\d{2}.{0,12})?$|^\\p{L}+\\s+\\d{1,2},\\s+\\d{4}(?:,?\\s+\\d{1,2}[:.]\\d{2}.{0,12})?$|^\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}.{0,10})?$");

	/** Dates, times and reading times inside a short line. */
	private static final Pattern META_PARTS = Pattern.compile(
			"(?i)\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\p{L}*\\s+\\d{4}\\b"
					+ "|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\p{L}*\\s+\\d{1,2},\\s+\\d{4}\\b"
					+ "|\\b\\d+\\s*min(?:ute)?s?\\s+read\\b|\\b(?:press release|published|updated|posted)\\b.*\\d");

	private static final Pattern READING_TIME = Pattern.compile("(?i)^\\d+\\s*(?:min(?:ute)?s?)\\s+read$");

	private ContentFinder() {
	}

	/**
	 * Removes the chrome and the furniture boxes of a page, in place.
	 * @param document the page, changed
	 */
	static void removeFurniture(Document document) {
		document.select(CHROME).remove();
		Element body = document.body();
		int total = textLength(body);
		List<Element> furniture = new ArrayList<>();
		for (Element element : body.getAllElements()) {
			if (element == body || element.normalName().equals("html")) {
				continue;
			}
			if (isFurniture(element)) {
				furniture.add(element);
			}
		}
		for (Element element : furniture) {
			if (element.parent() == null) {
				continue;
			}
			// A wrapper carrying most of the page's text is the page, whatever its name.
			if (total > 0 && textLength(element) > total * 0.5 && element.select("p").size() >= 3) {
				continue;
			}
			element.remove();
		}
	}

	private static boolean isFurniture(Element element) {
		String tag = element.normalName();
		// The class list of an article or main element describes its content (WordPress
		// adds "category-news", Drupal "node--promoted"), never furniture.
		if (tag.equals("article") || tag.equals("main") || tag.equals("body")
				|| element.attr("itemprop").equalsIgnoreCase("articleBody")) {
			return false;
		}
		String names = element.className() + " " + element.id();
		if (names.isBlank()) {
			return false;
		}
		for (String token : tokens(names)) {
			if (NEGATIVE.contains(token)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> tokens(String names) {
		List<String> tokens = new ArrayList<>();
		for (String name : names.split("\\s+")) {
			for (String token : TOKEN_SPLIT.split(name)) {
				if (!token.isEmpty()) {
					tokens.add(token.toLowerCase(Locale.ROOT));
				}
			}
			// "articleBody", "mostread": the whole name as one token too.
			tokens.add(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
		}
		return tokens;
	}

	/**
	 * A multiplier for names and tags that mark content: positive class or id tokens,
	 * {@code itemprop=articleBody}, {@code <article>} and {@code <main>}.
	 */
	private static double weight(Element element) {
		double weight = 1.0;
		List<String> tokens = tokens(element.className() + " " + element.id());
		if (tokens.stream().anyMatch(POSITIVE::contains)) {
			weight *= 1.25;
		}
		if (element.attr("itemprop").equalsIgnoreCase("articleBody")) {
			weight *= 1.5;
		}
		if (element.normalName().equals("article") || element.normalName().equals("main")) {
			weight *= 1.1;
		}
		return weight;
	}

	/**
	 * The elements holding the body, or the body itself when no paragraphs are found.
	 * @param document the page, with furniture removed
	 * @return the body elements, in document order
	 */
	static List<Element> bodyElements(Document document) {
		Map<Element, Double> scores = score(document, 25);
		if (scores.isEmpty()) {
			// Only short paragraphs: judge by those.
			scores = score(document, 1);
		}
		List<Element> found = choose(scores, document.body());
		return found.isEmpty() ? List.of(document.body()) : found;
	}

	/**
	 * Scores the ancestors of every paragraph: the parent gets the paragraph's score, the
	 * grandparent half, further ancestors a third per level (as Readability does); then
	 * weighs each by its names and its link density.
	 */
	private static Map<Element, Double> score(Document document, int minLength) {
		Map<Element, Double> scores = new HashMap<>();
		for (Element paragraph : paragraphs(document.body())) {
			String text = ownParagraphText(paragraph);
			if (text.length() < minLength) {
				continue;
			}
			double score = 1 + text.split("[,，、]", -1).length - 1 + Math.min(text.length() / 100.0, 3.0);
			int level = 0;
			for (Element ancestor = paragraph.parent(); ancestor != null && level < 5; ancestor = ancestor.parent()) {
				double divider = (level == 0) ? 1 : (level == 1) ? 2 : level * 3;
				scores.merge(ancestor, score / divider, Double::sum);
				if (ancestor.normalName().equals("body")) {
					break;
				}
				level++;
			}
		}
		// The body sits next to its headline: a candidate holding the page's first <h1>,
		// or
		// whose parent does, is preferred over a block of text elsewhere (a long footer).
		Element headline = document.body().selectFirst("h1");
		scores.replaceAll((element, score) -> score * weight(element) * (1 - linkDensity(element))
				* (nearHeadline(element, headline) ? 1.5 : 1.0));
		return scores;
	}

	private static boolean nearHeadline(Element element, Element headline) {
		if (headline == null || element.normalName().equals("body")) {
			return false;
		}
		Element parent = element.parent();
		return headline.parents().contains(element)
				|| (parent != null && !parent.normalName().equals("body") && headline.parents().contains(parent));
	}

	private static List<Element> choose(Map<Element, Double> scores, Element body) {
		Element best = null;
		double bestScore = 0;
		for (Map.Entry<Element, Double> entry : scores.entrySet()) {
			if (entry.getValue() > bestScore) {
				bestScore = entry.getValue();
				best = entry.getKey();
			}
		}
		if (best == null) {
			return List.of();
		}
		// A lone wrapper around the best candidate says nothing new: look at its level.
		while (best.parent() != null && best.parent() != body && best.parent().children().size() == 1) {
			best = best.parent();
		}
		Element parent = best.parent();
		if (parent == null) {
			return List.of(best);
		}
		double threshold = Math.max(10, bestScore * 0.2);
		List<Element> siblings = parent.children();
		boolean[] chosen = new boolean[siblings.size()];
		int first = -1;
		int last = -1;
		for (int i = 0; i < siblings.size(); i++) {
			Element sibling = siblings.get(i);
			chosen[i] = sibling == best || joins(sibling, best, scores.getOrDefault(sibling, 0.0), threshold);
			if (chosen[i]) {
				first = (first < 0) ? i : first;
				last = i;
			}
		}
		// Short blocks (a subheading, a one-line paragraph) between two parts of the body
		// belong to it.
		List<Element> elements = new ArrayList<>();
		for (int i = Math.max(first, 0); i <= last; i++) {
			Element sibling = siblings.get(i);
			if (chosen[i] || (linkDensity(sibling) < 0.3 && sibling.text().length() < 200)) {
				elements.add(sibling);
			}
		}
		return elements;
	}

	/**
	 * Whether a sibling of the best candidate is part of the body: it scores well, it has
	 * the same class (blocks of one body split by boxes), or it is a paragraph of prose.
	 */
	private static boolean joins(Element sibling, Element best, double score, double threshold) {
		if (score >= threshold) {
			return true;
		}
		if (!best.className().isBlank() && sibling.className().equals(best.className())
				&& sibling.normalName().equals(best.normalName()) && linkDensity(sibling) < 0.3
				&& !sibling.text().isBlank()) {
			return true;
		}
		if (sibling.normalName().equals("p") && linkDensity(sibling) < 0.25) {
			String text = sibling.text();
			return text.length() > 80 || (text.length() > 30 && text.matches(".*[.!?…\"”]$"));
		}
		return false;
	}

	/**
	 * Paragraph-like elements: paragraphs, and blocks that hold text directly (div soup,
	 * text separated by line breaks).
	 */
	private static List<Element> paragraphs(Element root) {
		List<Element> paragraphs = new ArrayList<>();
		for (Element element : root.getAllElements()) {
			String name = element.normalName();
			if (name.equals("p") || name.equals("pre")
					|| (name.equals("blockquote") && element.select("p").isEmpty())) {
				paragraphs.add(element);
			}
			else if ((name.equals("div") || name.equals("section") || name.equals("td") || name.equals("span")
					|| name.equals("font") || name.equals("article") || name.equals("center"))
					&& ownText(element).length() >= 50) {
				paragraphs.add(element);
			}
		}
		return paragraphs;
	}

	private static String ownParagraphText(Element element) {
		String name = element.normalName();
		return (name.equals("p") || name.equals("pre") || name.equals("blockquote")) ? element.text()
				: ownText(element);
	}

	/**
	 * Text of the element's own text nodes and inline children, not of block children.
	 */
	private static String ownText(Element element) {
		StringBuilder text = new StringBuilder();
		for (Node child : element.childNodes()) {
			if (child instanceof TextNode textNode) {
				text.append(textNode.text());
			}
			else if (child instanceof Element inline && !BlockText.BLOCKS.contains(inline.normalName())) {
				text.append(inline.text());
			}
		}
		return text.toString().strip();
	}

	static double linkDensity(Element element) {
		int length = element.text().length();
		if (length == 0) {
			return 0;
		}
		int links = 0;
		for (Element link : element.select("a")) {
			links += link.text().length();
		}
		return Math.min(1.0, links / (double) length);
	}

	private static int textLength(Element element) {
		return element.text().length();
	}

	/**
	 * The paragraphs of the body elements, without headlines, link lists (and their
	 * labels), bylines, datelines and reading times.
	 * @param elements the body elements
	 * @param title the headline, dropped when repeated
	 * @return the paragraphs
	 */
	static List<String> paragraphsOf(List<Element> elements, String title) {
		String titleKey = (title != null) ? PageMetadata.key(title) : "";
		for (Element element : elements) {
			element.select("h1").remove();
			for (Element list : element.select("ul, ol")) {
				if (linkDensity(list) > 0.5) {
					list.remove();
				}
			}
		}
		List<BlockText.Segment> segments = new ArrayList<>();
		for (Element element : elements) {
			segments.addAll(BlockText.segments(element));
		}
		List<String> paragraphs = new ArrayList<>();
		boolean droppedLinks = false;
		for (int i = segments.size() - 1; i >= 0; i--) {
			BlockText.Segment segment = segments.get(i);
			String paragraph = segment.text();
			boolean linkList = segment.linkDensity() > 0.5 && paragraph.length() < 300;
			boolean label = paragraph.endsWith(":") && paragraph.split("\\s+").length <= 5
					&& (droppedLinks || i == segments.size() - 1);
			droppedLinks = linkList || (droppedLinks && label);
			if (linkList || label || BYLINE_LINE.matcher(paragraph).matches() || isMetaLine(paragraph)
					|| (!titleKey.isEmpty() && PageMetadata.key(paragraph).equals(titleKey))) {
				continue;
			}
			paragraphs.add(0, paragraph);
		}
		return paragraphs;
	}

	/**
	 * A dateline, a reading time or a "published ... updated ..." line: short, no final
	 * full stop, made of dates, times and a few labels.
	 */
	private static boolean isMetaLine(String paragraph) {
		if (DATELINE.matcher(paragraph).matches() || READING_TIME.matcher(paragraph).matches()) {
			return true;
		}
		if (paragraph.length() > 80 || paragraph.matches(".*[.!?\"”]$")) {
			return false;
		}
		return META_PARTS.matcher(paragraph).find() && paragraph.split("\\s+").length <= 10;
	}

}
