package newsroom.ingest.clean;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Cleans scraped article text: Unicode NFC, one space between words, paragraphs separated
 * by one blank line, and page furniture (advertisement markers, share and subscribe
 * lines, tag lists, comment counters, a repeated headline, author blocks) removed.
 * Typography such as curly quotes and dashes is kept as written.
 */
@Component
public class TextCleaner {

	/** Separator between paragraphs in cleaned text. */
	public static final String PARAGRAPH_SEPARATOR = "\n\n";

	/** Shortest line (but the last) of a hard-wrapped paragraph. */
	static final int MIN_WRAPPED_WIDTH = 40;

	/** Longest line of a hard-wrapped paragraph; e-mail and terminals wrap at 72-80. */
	static final int MAX_WRAPPED_WIDTH = 100;

	/**
	 * Whole lines (compared lower-case, without surrounding punctuation) that are never
	 * article text.
	 */
	private static final Set<String> FURNITURE_PHRASES = Set.of(
			// advertisement markers
			"story continues below advertisement", "story continues below", "story continues after advertisement",
			"article continues below advertisement", "article continues below", "article continues after advertisement",
			"continue reading below", "continue reading", "continue reading the main story", "advertisement",
			"advertisements", "advert", "ad", "ads", "sponsored", "sponsored content", "skip advertisement",
			"scroll to continue with content", "ad feedback",
			// labels of link lists
			"tags", "tag", "filed under", "categories", "category", "topics", "keywords", "related", "related articles",
			"related stories", "related content", "related posts", "read more", "read next", "more stories",
			"more from this author", "recommended", "recommended for you", "you may also like", "you might also like",
			"most read", "most popular", "trending", "see also",
			// sharing and accounts
			"share", "share this", "share this article", "share this story", "share this post", "share article",
			"share story", "share via email", "tweet", "email", "e-mail", "print", "copy link", "link copied",
			"facebook", "twitter", "x", "linkedin", "whatsapp", "reddit", "pinterest", "telegram", "threads", "bluesky",
			"messenger", "instagram", "subscribe", "subscribe now", "sign up", "sign in", "log in", "register",
			"newsletter", "save", "save article", "bookmark", "listen to this article", "back to top",
			// comments
			"comments", "comment", "leave a comment", "leave a reply", "add a comment", "view comments",
			"show comments", "join the conversation");

	/** No line longer than this can be one of {@link #FURNITURE_PHRASES}. */
	private static final int LONGEST_PHRASE = FURNITURE_PHRASES.stream().mapToInt(String::length).max().orElse(0);

	/** A line with no letters: lone counters ("0"), bullets, separators ("* * *"). */
	private static final Pattern NO_LETTERS = Pattern.compile("[^\\p{L}]*");

	private static final Pattern COUNTER = Pattern.compile(
			"(?:\\d+\\s+(?:comments?|shares?|likes?|views?|reactions?|replies)|(?:comments?|shares?|replies)\\s*\\(?\\d+\\)?)",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** A label followed by a list of links, for example "Tags: Korea, Russia". */
	private static final Pattern LABELLED_LIST = Pattern
		.compile("(?:tags?|filed under|categories|category|topics|related topics|keywords|related|read more|read next"
				+ "|see also|also read|more from|recommended reading|more on this story)(?:\\s*[:：»›>|]|\\s+[–—-]\\s).{0,200}",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern SHARE = Pattern.compile(
			"(?:share|post|send|email)\\s+(?:this\\s+(?:article|story|post)\\s*)?(?:on|via|to|with)\\s+.{1,60}",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/**
	 * A share bar flattened into one line: "Share this: Facebook X Email", "Share on
	 * Facebook Share on X".
	 */
	private static final Pattern SHARE_BAR = Pattern.compile(
			"(?:(?:share|tweet|post|send)(?:\\s+(?:this|the|on|via|to))*(?:\\s+(?:article|story|post|page))?\\s*[:：]?\\s*)?"
					+ "(?:(?:share(?:\\s+(?:on|via|to))?\\s+)?(?:facebook|twitter|x|linkedin|whatsapp|e-?mail|reddit|pinterest"
					+ "|telegram|print|copy\\s+link|messenger|bluesky|threads|mastodon|flipboard|pocket|sms|comments?)"
					+ "[\\s,|·•/]*){1,12}",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern FOLLOW = Pattern.compile(
			"follow\\s+(?:us|me|@\\S+|.{1,60}?\\s+on\\s+(?:twitter|x|facebook|instagram|linkedin|threads|bluesky"
					+ "|tiktok|youtube|mastodon|google news))\\b.{0,80}",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern SUBSCRIBE = Pattern.compile(
			"(?:subscribe|sign up|signup|get)\\b.{0,120}\\b(?:newsletters?|subscriptions?|inbox|alerts)\\b.{0,80}"
					+ "|subscribe\\b.{0,80}|sign up (?:for|to)\\b.{0,80}|click here\\b.{0,120}",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern COPYRIGHT = Pattern.compile(
			"(?:©|\\(c\\)\\s|copyright\\s*(?:©|\\(c\\)|\\d{4})).{0,200}|.{0,100}\\ball rights reserved\\W*",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** Starts the author block; it and everything after it is dropped. */
	private static final Pattern ABOUT_BLOCK = Pattern.compile(
			"(?:about\\s+(?:the\\s+)?(?:contributors?|authors?|writers?|reporters?)|author\\s+bio(?:graphy)?)",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/**
	 * A contributor line: two to four capitalised words, optionally followed by a comma
	 * or dash and a role.
	 */
	private static final Pattern CONTRIBUTOR_LINE = Pattern
		.compile("(\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){1,3})(?:\\s*[,|–—-]\\s*[^.!?]{1,80})?");

	/**
	 * Horizontal spaces of every kind, folded to one ASCII space. A lone ASCII space is
	 * left alone rather than matched and replaced by itself, which took a large share of
	 * the cleaner's time on ordinary text.
	 */
	private static final Pattern SPACES = Pattern.compile("[\\h\\x0B\\f]{2,}|[\\h\\x0B\\f&&[^ ]]");

	/**
	 * Invisible characters that only break matching: zero-width space, BOM, soft hyphen.
	 */
	private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u2060\\uFEFF\\u00AD]");

	/** Control characters other than tab and line breaks. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r\\x0B\\f]]");

	private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|[\\r\\u0085\\u2028\\u2029]");

	/**
	 * Cleans an article body without a known headline.
	 * @param text the raw body, may be {@code null}
	 * @return the cleaned body, empty when nothing is left
	 * @see #clean(String, String)
	 */
	public String clean(String text) {
		return clean(text, null);
	}

	/**
	 * Cleans an article body. Each line is a paragraph, except inside a block of
	 * hard-wrapped lines (every line but the last {@value #MIN_WRAPPED_WIDTH} to
	 * {@value #MAX_WRAPPED_WIDTH} characters long), which is joined into one paragraph.
	 * @param text the raw body, may be {@code null}
	 * @param title the headline, whose repetition inside the body is dropped; may be
	 * {@code null}
	 * @return the cleaned body with paragraphs separated by {@link #PARAGRAPH_SEPARATOR},
	 * empty when nothing is left
	 */
	public String clean(String text, String title) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
		if (hasLineBreakOtherThanNewline(normalized)) {
			normalized = LINE_BREAK.matcher(normalized).replaceAll("\n");
		}
		String titleKey = (title != null) ? comparisonKey(cleanLine(title)) : "";
		int titleKeyLength = titleKey.codePointCount(0, titleKey.length());
		List<String> paragraphs = new ArrayList<>();
		List<String> block = new ArrayList<>();
		boolean seenText = false;
		for (String rawLine : normalized.split("\n", -1)) {
			String line = cleanLine(rawLine);
			if (line.isEmpty()) {
				addBlock(block, paragraphs);
				continue;
			}
			String core = core(line);
			if (ABOUT_BLOCK.matcher(core).matches()) {
				if (seenText) {
					break;
				}
				continue;
			}
			if (isFurniture(line, core) || (!titleKey.isEmpty() && lettersAndDigits(line) == titleKeyLength
					&& comparisonKey(line).equals(titleKey))) {
				continue;
			}
			seenText = true;
			block.add(line);
		}
		addBlock(block, paragraphs);
		return String.join(PARAGRAPH_SEPARATOR, paragraphs);
	}

	/**
	 * The author named by a contributor block ("About the Contributor" followed by a line
	 * such as "Chloe Ren, Eastside News Editor"), the byline a scraped page carries when
	 * the submission names no author.
	 * @param text the raw body, may be {@code null}
	 * @return the name, empty when there is no such block or its first line is not a name
	 */
	public Optional<String> contributor(String text) {
		if (text == null) {
			return Optional.empty();
		}
		boolean inBlock = false;
		for (String rawLine : LINE_BREAK.matcher(text).replaceAll("\n").split("\n")) {
			String line = cleanLine(rawLine);
			if (line.isEmpty()) {
				continue;
			}
			if (inBlock) {
				Matcher name = CONTRIBUTOR_LINE.matcher(line);
				return name.matches() ? Optional.of(name.group(1)) : Optional.empty();
			}
			inBlock = ABOUT_BLOCK.matcher(core(line)).matches();
		}
		return Optional.empty();
	}

	/**
	 * Normalises one line of text such as a headline or a byline: NFC, invisible and
	 * control characters removed, all horizontal spacing folded to single spaces,
	 * trimmed.
	 * @param text the text, may be {@code null}
	 * @return the cleaned line, empty for {@code null}
	 */
	public String cleanLine(String text) {
		if (text == null) {
			return "";
		}
		String value = Normalizer.normalize(text, Normalizer.Form.NFC);
		if (needsFolding(value)) {
			value = INVISIBLE.matcher(value).replaceAll("");
			value = CONTROL.matcher(value).replaceAll("");
			value = LINE_BREAK.matcher(value).replaceAll(" ").replace('\n', ' ');
			value = SPACES.matcher(value).replaceAll(" ");
		}
		return value.strip();
	}

	/**
	 * Whether a line holds anything the four patterns of {@link #cleanLine(String)} would
	 * change: a control or invisible character, a line break, a space other than the
	 * ASCII one, or two spaces in a row. Most lines hold none, and running the patterns
	 * over every line was the largest part of ingest-service's time per article.
	 */
	static boolean needsFolding(String line) {
		boolean afterSpace = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == ' ') {
				if (afterSpace) {
					return true;
				}
				afterSpace = true;
				continue;
			}
			afterSpace = false;
			if (c < ' ' || (c >= 0x7F && folded(c))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The characters at or above U+007F that {@link #INVISIBLE}, {@link #CONTROL},
	 * {@link #LINE_BREAK} or {@link #SPACES} match: DEL and the C1 controls (with NEL),
	 * the no-break space, the soft hyphen, and the other spaces, separators and invisible
	 * characters of {@code \h}, U+2028/2029, U+200B, U+2060 and U+FEFF.
	 */
	private static boolean folded(char c) {
		return c <= 0xA0 || c == 0xAD || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200B) || c == 0x2028
				|| c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x2060 || c == 0x3000 || c == 0xFEFF;
	}

	private static boolean isFurniture(String line, String core) {
		if (NO_LETTERS.matcher(line).matches()) {
			return true;
		}
		if (core.length() <= LONGEST_PHRASE && FURNITURE_PHRASES.contains(core.toLowerCase(Locale.ROOT))) {
			return true;
		}
		return COUNTER.matcher(core).matches() || LABELLED_LIST.matcher(line).matches() || SHARE.matcher(core).matches()
				|| SHARE_BAR.matcher(core).matches() || FOLLOW.matcher(core).matches()
				|| SUBSCRIBE.matcher(core).matches() || COPYRIGHT.matcher(line).matches();
	}

	/**
	 * Lines of a block are paragraphs of their own, unless the block looks hard-wrapped:
	 * joining those keeps a sentence in one paragraph, while joining real paragraphs
	 * (typically hundreds of characters per line) would merge them.
	 */
	private static void addBlock(List<String> block, List<String> paragraphs) {
		if (block.isEmpty()) {
			return;
		}
		if (isHardWrapped(block)) {
			paragraphs.add(String.join(" ", block));
		}
		else {
			paragraphs.addAll(block);
		}
		block.clear();
	}

	private static boolean isHardWrapped(List<String> block) {
		if (block.size() < 2) {
			return false;
		}
		for (int i = 0; i < block.size(); i++) {
			int length = block.get(i).length();
			boolean last = i == block.size() - 1;
			if (length > MAX_WRAPPED_WIDTH || (!last && length < MIN_WRAPPED_WIDTH)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The line (as {@link #cleanLine(String)} leaves it: no line breaks) without leading
	 * and trailing punctuation, symbols and brackets, found by walking in from both ends
	 * (the pattern {@code [\p{P}\p{S}\s]+$} this replaces was tried at every position of
	 * the line).
	 */
	static String core(String line) {
		int start = 0;
		while (start < line.length()) {
			int c = line.codePointAt(start);
			if (!edge(c)) {
				break;
			}
			start += Character.charCount(c);
		}
		int end = line.length();
		while (end > start) {
			int c = line.codePointBefore(end);
			if (!edge(c)) {
				break;
			}
			end -= Character.charCount(c);
		}
		return line.substring(start, end);
	}

	/** {@code [\p{P}\p{S}\s]}: punctuation, a symbol or an ASCII space character. */
	private static boolean edge(int c) {
		return switch (Character.getType(c)) {
			case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
					Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
					Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
					Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL ->
				true;
			default -> c == ' ' || (c >= '\t' && c <= '\r');
		};
	}

	/**
	 * Whether the text holds a line break {@link #LINE_BREAK} turns into a newline.
	 */
	private static boolean hasLineBreakOtherThanNewline(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
				return true;
			}
		}
		return false;
	}

	/**
	 * How many letters and digits the text holds, which lower-casing keeps: the length of
	 * its {@link #comparisonKey(String)} in code points, without building it.
	 */
	static int lettersAndDigits(String text) {
		int count = 0;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			if (Character.isLetterOrDigit(c)) {
				count++;
			}
			i += Character.charCount(c);
		}
		return count;
	}

	/**
	 * Letters and digits only, lower-case: "North Korea deploys…" equals "north korea
	 * deploys".
	 */
	static String comparisonKey(String text) {
		StringBuilder key = new StringBuilder(text.length());
		text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
		return key.toString();
	}

}
