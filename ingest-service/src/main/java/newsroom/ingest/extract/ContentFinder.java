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
			"quote-box", "infobox", "factbox", "links", "category", "categories", "login", "search", "hidden", "sr",
			"visually", "offscreen", "copyright", "disclaimer", "corrections", "feedback", "podcast", "audio", "listen",
			"embed", "reactions", "rail", "promoted", "partner", "partners", "shop", "affiliate");

	private static final Set<String> POSITIVE = Set.of("article", "body", "content", "story", "entry", "post", "text",
			"main", "prose", "articlebody", "blog", "page", "news", "richtext", "rte", "copy");

	private static final Pattern TOKEN_SPLIT = Pattern.compile("[^a-z]+|(?<=[a-z])(?=[A-Z])");

	private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "blockquote", "h2", "h3", "h4", "li", "td",
			"dd");

	private static final Pattern BYLINE_LINE = Pattern.compile(
			"(?i)^(?:by|words by|written by|story by|reporting by|von|par|por)\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:and\\s+|&\\s+)?\\p{Lu}[\\p{L}.'’-]*){0,6}\\b.{0,60}$");

	private static final Pattern DATELINE = Pattern.compile(
			"(?i)^(?:published|updated|posted|last updated|first published|modified)\\b.{0,60}$|^\\d{1,2}\\s+\\p{L}+\\s+\\d{4}(?:,?\\s+\\d{1,2}[:.]\\d{2}.{0,12})?$|^\\p{L}+\\s+\\d{1,2},\\s+\\d{4}(?:,?\\s+\\d{1,2}[:.]\\d{2}.{0,12})?$|^\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}.{0,10})?$");

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

	private static int classWeight(Element element) {
		int weight = 0;
		List<String> tokens = tokens(element.className() + " " + element.id());
		if (tokens.stream().anyMatch(POSITIVE::contains)) {
			weight += 25;
		}
		if (element.hasAttr("itemprop") && element.attr("itemprop").equalsIgnoreCase("articleBody")) {
			weight += 50;
		}
		if (element.normalName().equals("article") || element.normalName().equals("main")) {
			weight += 15;
		}
		return weight;
	}

	/**
	 * The element holding the body, or the body itself when no paragraphs are found.
	 * @param document the page, with furniture removed
	 * @return the best container
	 */
	static List<Element> bodyElements(Document document) {
		List<Element> found = find(document);
		return found.isEmpty() ? List.of(document.body()) : found;
	}

	private static List<Element> find(Document document) {
		Map<Element, Double> scores = score(document, 25);
		if (scores.isEmpty()) {
			// Only short paragraphs: judge by those.
			scores = score(document, 1);
		}
		return choose(scores);
	}

	private static Map<Element, Double> score(Document document, int minLength) {
		Map<Element, Double> scores = new HashMap<>();
		for (Element paragraph : paragraphs(document.body())) {
			String text = ownParagraphText(paragraph);
			if (text.length() < minLength) {
				continue;
			}
			double score = 1 + text.split("[,，、]", -1).length - 1 + Math.min(text.length() / 100.0, 3.0);
			Element parent = paragraph.parent();
			if (parent == null) {
				continue;
			}
			add(scores, parent, score);
			Element grandparent = parent.parent();
			if (grandparent != null) {
				add(scores, grandparent, score / 2);
			}
		}
		return scores;
	}

	private static List<Element> choose(Map<Element, Double> scores) {
		Element best = null;
		double bestScore = 0;
		for (Map.Entry<Element, Double> entry : scores.entrySet()) {
			double score = (entry.getValue() + classWeight(entry.getKey())) * (1 - linkDensity(entry.getKey()));
			entry.setValue(score);
			if (score > bestScore) {
				bestScore = score;
				best = entry.getKey();
			}
		}
		if (best == null) {
			return List.of();
		}
		// A container holding nearly all of the body's paragraph text beats a part of it.
		Element parent = best.parent();
		List<Element> chosen = new ArrayList<>();
		if (parent == null) {
			return List.of(best);
		}
		double threshold = Math.max(10, bestScore * 0.2);
		for (Element sibling : parent.children()) {
			if (sibling == best) {
				chosen.add(sibling);
				continue;
			}
			Double score = scores.get(sibling);
			if (score != null && score >= threshold) {
				chosen.add(sibling);
				continue;
			}
			if (sibling.normalName().equals("p") && linkDensity(sibling) < 0.25) {
				String text = sibling.text();
				if (text.length() > 80 || (text.length() > 0 && text.matches(".*[.!?…\"”]$") && text.length() > 30)) {
					chosen.add(sibling);
				}
			}
		}
		return chosen;
	}

	private static void add(Map<Element, Double> scores, Element element, double score) {
		scores.merge(element, score, Double::sum);
	}

	/**
	 * Paragraph-like elements, and divs that hold text directly (div soup, br-separated).
	 */
	private static List<Element> paragraphs(Element root) {
		List<Element> paragraphs = new ArrayList<>();
		for (Element element : root.getAllElements()) {
			String name = element.normalName();
			if (PARAGRAPH_TAGS.contains(name) && !name.equals("li") && !name.equals("td")) {
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
		return PARAGRAPH_TAGS.contains(element.normalName()) ? element.text() : ownText(element);
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
	 * The paragraphs of the body elements, without headlines, link lists, bylines,
	 * datelines and reading times.
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
			for (Element block : element.select("p, div, li")) {
				if (block.parent() != null && linkDensity(block) > 0.6 && block.text().length() < 300) {
					block.remove();
				}
			}
		}
		List<String> paragraphs = new ArrayList<>();
		for (Element element : elements) {
			for (String paragraph : BlockText.paragraphs(element)) {
				if (BYLINE_LINE.matcher(paragraph).matches() || DATELINE.matcher(paragraph).matches()
						|| READING_TIME.matcher(paragraph).matches()
						|| (!titleKey.isEmpty() && PageMetadata.key(paragraph).equals(titleKey))) {
					continue;
				}
				paragraphs.add(paragraph);
			}
		}
		return paragraphs;
	}

}
