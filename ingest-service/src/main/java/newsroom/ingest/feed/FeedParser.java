package newsroom.ingest.feed;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import newsroom.ingest.extract.HtmlArticleExtractor;
import org.jdom2.Element;
import org.jsoup.Jsoup;

import org.springframework.stereotype.Component;

/**
 * Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 with Rome, after repairing what real feeds
 * get wrong: the encoding (a byte-order mark, then valid UTF-8, then the XML declaration,
 * then the HTTP charset, else windows-1252, whatever the declarations claim), control
 * characters XML forbids, HTML entities ({@code &nbsp;}, through Rome's healer) and
 * namespace prefixes used without a declaration ({@code media:}, {@code dc:}...). Titles
 * lose their markup, links are resolved against the feed's URL, and the entry text comes
 * from the richest content the entry carries. Doctypes are refused (no external
 * entities).
 */
@Component
class FeedParser {

	private static final Pattern XML_DECLARATION = Pattern
		.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"'][^>]*\\?>");

	private static final Pattern XML_DECLARATION_ANY = Pattern.compile("^\\s*<\\?xml[^>]*\\?>");

	/** Characters XML 1.0 does not allow, even as references. */
	private static final Pattern INVALID_XML = Pattern.compile(
			"[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]|&#(?:x0*[0-8bcBCeEfF]|x0*1[0-9a-fA-F]|0*[0-8]|0*1[124-9]|0*2[0-9]|0*3[01]);");

	private static final Pattern DECLARED_PREFIX = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=");

	private static final Pattern USED_PREFIX = Pattern
		.compile("</?([A-Za-z_][\\w.-]*):[A-Za-z_]|\\s([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*\\s*=");

	private static final Pattern ROOT_START = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

	private static final Map<String, String> KNOWN_NAMESPACES = Map.of("content",
			"http://purl.org/rss/1.0/modules/content/", "dc", "http://purl.org/dc/elements/1.1/", "media",
			"http://search.yahoo.com/mrss/", "atom", "http://www.w3.org/2005/Atom", "rdf",
			"http://www.w3.org/1999/02/22-rdf-syntax-ns#", "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
			"slash", "http://purl.org/rss/1.0/modules/slash/", "wfw", "http://wellformedweb.org/CommentAPI/", "sy",
			"http://purl.org/rss/1.0/modules/syndication/");

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private final HtmlArticleExtractor extractor;

	FeedParser(HtmlArticleExtractor extractor) {
		this.extractor = extractor;
	}

	/**
	 * Parses a feed document.
	 * @param body the bytes as fetched
	 * @param declaredCharset the charset of the HTTP {@code Content-Type}, if any
	 * @param base the URL the feed was fetched from, to resolve relative links
	 * @return its entries in document order
	 * @throws FeedParseException when it is not a feed Rome can read, even repaired
	 */
	List<FeedEntry> parse(byte[] body, Optional<Charset> declaredCharset, URI base) throws FeedParseException {
		String xml = repair(decode(body, declaredCharset));
		SyndFeed feed;
		try {
			SyndFeedInput input = new SyndFeedInput();
			input.setXmlHealerOn(true);
			input.setAllowDoctypes(false);
			feed = input.build(new StringReader(xml));
		}
		catch (FeedException | IllegalArgumentException ex) {
			throw new FeedParseException("Not a readable RSS or Atom feed: " + firstLine(ex.getMessage()), ex);
		}
		List<FeedEntry> entries = new ArrayList<>();
		for (SyndEntry entry : feed.getEntries()) {
			entries.add(entry(entry, base));
		}
		return entries;
	}

	private FeedEntry entry(SyndEntry entry, URI base) {
		String title = plainText(entry.getTitle());
		Optional<String> link = link(entry).flatMap((value) -> resolve(base, value));
		Optional<String> author = Optional.ofNullable(entry.getAuthor())
			.map(FeedParser::plainText)
			.filter((value) -> !value.isEmpty())
			.or(() -> entry.getAuthors()
				.stream()
				.map(SyndPerson::getName)
				.map(FeedParser::plainText)
				.filter((value) -> !value.isEmpty())
				.findFirst());
		Date date = (entry.getPublishedDate() != null) ? entry.getPublishedDate() : entry.getUpdatedDate();
		String text = this.extractor.fragmentText(contentHtml(entry));
		String key = Optional.ofNullable(entry.getUri())
			.map(String::strip)
			.filter((value) -> !value.isEmpty())
			.or(() -> link)
			.orElseGet(() -> "hash:" + sha256(title + "\n" + text));
		return new FeedEntry(key, link, title, author, Optional.ofNullable(date).map(Date::toInstant), text);
	}

	private static Optional<String> link(SyndEntry entry) {
		if (entry.getLink() != null && !entry.getLink().isBlank()) {
			return Optional.of(entry.getLink().strip());
		}
		for (SyndLink link : entry.getLinks()) {
			if (link.getHref() != null && (link.getRel() == null || "alternate".equals(link.getRel()))) {
				return Optional.of(link.getHref().strip());
			}
		}
		String uri = entry.getUri();
		return (uri != null && uri.strip().toLowerCase(Locale.ROOT).startsWith("http")) ? Optional.of(uri.strip())
				: Optional.empty();
	}

	/** The richest content: full content, else description/summary, else media text. */
	private static String contentHtml(SyndEntry entry) {
		StringBuilder contents = new StringBuilder();
		for (SyndContent content : entry.getContents()) {
			if (content.getValue() != null && !content.getValue().isBlank()) {
				contents.append(content.getValue()).append('\n');
			}
		}
		if (!contents.toString().isBlank()) {
			return contents.toString();
		}
		if (entry.getDescription() != null && entry.getDescription().getValue() != null
				&& !entry.getDescription().getValue().isBlank()) {
			return entry.getDescription().getValue();
		}
		return mediaDescription(entry.getForeignMarkup()).orElse("");
	}

	private static Optional<String> mediaDescription(List<Element> markup) {
		for (Element element : markup) {
			if ("description".equals(element.getName()) && !element.getTextTrim().isEmpty()) {
				return Optional.of(element.getTextTrim());
			}
			Optional<String> nested = mediaDescription(element.getChildren());
			if (nested.isPresent()) {
				return nested;
			}
		}
		return Optional.empty();
	}

	private static Optional<String> resolve(URI base, String link) {
		try {
			URI resolved = base.resolve(new URI(link.replace(" ", "%20")));
			String scheme = (resolved.getScheme() != null) ? resolved.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) ? Optional.of(resolved.toString())
					: Optional.empty();
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Markup and entities out of a title: feeds put HTML in titles, sometimes escaped
	 * twice.
	 */
	static String plainText(String value) {
		if (value == null) {
			return "";
		}
		String text = Jsoup.parse(value).text();
		if (text.contains("<") && text.contains(">")) {
			text = Jsoup.parse(text).text();
		}
		return text.strip();
	}

	/**
	 * The document as text: a byte-order mark decides, then valid UTF-8 (declarations are
	 * often wrong about it), then the XML declaration, then the HTTP charset, else
	 * windows-1252, which decodes any byte.
	 */
	static String decode(byte[] body, Optional<Charset> declared) {
		if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
			return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		}
		if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
			return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
		}
		if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
			return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
		}
		Optional<String> utf8 = strict(body, StandardCharsets.UTF_8);
		if (utf8.isPresent()) {
			return utf8.get();
		}
		Set<Charset> candidates = new LinkedHashSet<>();
		String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
		Matcher declaration = XML_DECLARATION.matcher(head);
		if (declaration.find()) {
			charset(declaration.group(1)).ifPresent(candidates::add);
		}
		declared.ifPresent(candidates::add);
		for (Charset candidate : candidates) {
			// ISO-8859-1 is what servers claim for windows-1252 text (curly quotes in
			// C1).
			Charset charset = candidate.equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : candidate;
			Optional<String> text = strict(body, charset);
			if (text.isPresent()) {
				return text.get();
			}
		}
		return new String(body, WINDOWS_1252);
	}

	private static Optional<String> strict(byte[] body, Charset charset) {
		try {
			return Optional.of(charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Charset> charset(String name) {
		try {
			return Optional.of(Charset.forName(name));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Drops the XML declaration (the text is decoded already, and a wrong encoding in it
	 * would confuse the parser), characters XML forbids, and declares prefixes used
	 * without a declaration on the root element.
	 */
	static String repair(String xml) {
		String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
		text = XML_DECLARATION_ANY.matcher(text).replaceFirst("");
		text = INVALID_XML.matcher(text).replaceAll("");
		Set<String> declared = new LinkedHashSet<>();
		Matcher declarations = DECLARED_PREFIX.matcher(text);
		while (declarations.find()) {
			declared.add(declarations.group(1));
		}
		Set<String> missing = new LinkedHashSet<>();
		Matcher used = USED_PREFIX.matcher(text);
		while (used.find()) {
			String prefix = (used.group(1) != null) ? used.group(1) : used.group(2);
			if (!prefix.equals("xmlns") && !prefix.equals("xml") && !declared.contains(prefix)) {
				missing.add(prefix);
			}
		}
		if (missing.isEmpty()) {
			return text;
		}
		Matcher root = rootElement(text);
		if (root == null) {
			return text;
		}
		StringBuilder declarationsToAdd = new StringBuilder();
		for (String prefix : missing) {
			declarationsToAdd.append(" xmlns:")
				.append(prefix)
				.append("=\"")
				.append(KNOWN_NAMESPACES.getOrDefault(prefix.toLowerCase(Locale.ROOT), "urn:x-undeclared:" + prefix))
				.append('"');
		}
		return text.substring(0, root.end()) + declarationsToAdd + text.substring(root.end());
	}

	/** The start of the first element that is not a comment, doctype or instruction. */
	private static Matcher rootElement(String text) {
		Matcher matcher = ROOT_START.matcher(text);
		int from = 0;
		while (matcher.find(from)) {
			int start = matcher.start();
			if (insideSkippable(text, start)) {
				from = matcher.end();
				continue;
			}
			return matcher;
		}
		return null;
	}

	private static boolean insideSkippable(String text, int position) {
		int comment = text.lastIndexOf("<!--", position);
		return comment >= 0 && text.indexOf("-->", comment) > position;
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unknown error";
		}
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime provides SHA-256", ex);
		}
	}

}
