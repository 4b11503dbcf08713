package newsroom.enrich.text;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises sentences that are page furniture or headings rather than prose: ad markers,
 * share and subscribe prompts, tag and contributor lines, captions, a repeated headline,
 * and anything too short or without a sentence's closing punctuation; and the line where
 * an article's body ends and the page's tail (tags, author bio) begins.
 */
public final class Furniture {

	/** Fewer words than this is a label, a counter or a heading, not a lead sentence. */
	static final int MIN_WORDS = 4;

	private static final Pattern TERMINAL = Pattern.compile("[.!?…][\"'”’»)\\]]*$");

	/** Phrases that mark furniture wherever they appear in a line. */
	/**
	 * Matched against the lower-cased sentence: a case-insensitive alternation is slow.
	 */
	private static final Pattern ANYWHERE = Pattern.compile("story continues below|continue reading"
			+ "|all rights reserved|©|\\(ap photo|getty images|click here|sign up for (our|the)|our newsletter"
			+ "|this (article|story) (was )?(originally |first )?(published|appeared)|lesen sie (auch|mehr)"
			+ "|lire aussi|leer más|weiterlesen");

	/** A literal part of each of {@link #ANYWHERE}'s alternatives. */
	private static final List<String> ANYWHERE_WORDS = List.of("story continues below", "continue reading",
			"all rights reserved", "©", "(ap photo", "getty images", "click here", "sign up for ", "our newsletter",
			"this article ", "this story ", "lesen sie ", "lire aussi", "leer más", "weiterlesen");

	/**
	 * Phrases that mark furniture when a line starts with them; bounded, so that a lead
	 * such as "Shareholders approved..." or "Credit Suisse..." stays prose.
	 */
	private static final Pattern LEADING = Pattern.compile("(?iu)^(advertisement\\b|sponsored( content\\b|:)"
			+ "|read (more|also)\\b|see also\\b|related( articles| stories| coverage)?:|more:|tags?:|topics?:"
			+ "|share (this|on)\\b|share:|subscribe (now|to our|for)\\b|subscribe:|follow us\\b|sign up\\b"
			+ "|(photo|image|foto)( credit)?:|credit:|caption:|watch:|listen( to this article\\b|:)"
			+ "|(last )?updated( on)?:|published( on)?:|posted( on)?:|about the (author|contributor)\\b"
			+ "|anzeige\\b|werbung\\b|publicité\\b|publicidad\\b|abonnez-vous\\b|suscríbete\\b)");

	/**
	 * A line that starts the page's tail: everything after it is about the page or the
	 * author, not the story.
	 */
	private static final Pattern TAIL = Pattern.compile("(?iu)^(about the (author|contributor|writer|reporter)s?"
			+ "|tags?(:.*)?|topics?:.*|filed under(:.*)?|related (articles|stories|coverage|content):?|more from\\b.*"
			+ "|recommended( for you| stories)?:?|you (may|might) also like:?|comments?:?|share this (article|story):?)$");

	/** A heading, label or byline: no closing punctuation and only a few words. */
	static final int MAX_LABEL_WORDS = 12;

	private static final Pattern LINK = Pattern.compile("(?i)https?://|www\\.|\\S+@\\S+\\.\\w");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	/** Compiled once: {@code String.replaceAll} compiles its pattern on every call. */
	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private Furniture() {
	}

	/**
	 * Whether a sentence of the body (already free of {@link #boilerplate} and the page
	 * tail) is too short or unfinished to lead a summary.
	 * @param sentence the sentence, whitespace normalised
	 * @return {@code true} when it should not go into a summary
	 */
	public static boolean fragment(String sentence) {
		return words(sentence) < MIN_WORDS || !TERMINAL.matcher(sentence).find();
	}

	/**
	 * Text with every run of whitespace made one space, without leading or trailing
	 * whitespace.
	 * @param text any text
	 * @return the normalised text
	 */
	public static String normalise(String text) {
		if (normal(text)) {
			// Most lines and sentences are already: no copy.
			return text;
		}
		StringBuilder normal = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				space = normal.length() > 0;
			}
			else {
				if (space) {
					normal.append(' ');
					space = false;
				}
				normal.append(c);
			}
		}
		return normal.toString();
	}

	/** Whether {@link #normalise} would give the text back unchanged. */
	private static boolean normal(String text) {
		int length = text.length();
		if (length > 0 && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(length - 1)))) {
			return false;
		}
		boolean space = false;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == ' ') {
				if (space) {
					return false;
				}
				space = true;
			}
			else if (Character.isWhitespace(c)) {
				return false;
			}
			else {
				space = false;
			}
		}
		return true;
	}

	/**
	 * Whether a sentence is furniture.
	 * @param sentence the sentence, whitespace normalised
	 * @param title the article's headline
	 * @return {@code true} when the sentence should not go into a summary
	 */
	public static boolean test(String sentence, String title) {
		return words(sentence) < MIN_WORDS || !TERMINAL.matcher(sentence).find() || sameText(sentence, title)
				|| anywhere(sentence) || LEADING.matcher(sentence).find() || link(sentence)
				|| mostlyNotLetters(sentence);
	}

	/**
	 * Whether a sentence of the body is furniture, more leniently than {@link #test}:
	 * short prose sentences stay, headings and labels without closing punctuation do not.
	 * @param sentence the sentence, whitespace normalised
	 * @param title the article's headline
	 * @return {@code true} when the sentence is not part of the story
	 */
	public static boolean boilerplate(String sentence, String title) {
		return label(sentence) || marked(sentence, title) || mostlyNotLetters(sentence);
	}

	/**
	 * Whether a line is furniture by what it says (an ad marker, a share prompt, a
	 * repeated headline, a link), whatever its length: what stays out of the body even
	 * where short lines are content, as in a results table or a list of briefs.
	 * @param sentence the sentence, whitespace normalised
	 * @param title the article's headline
	 * @return {@code true} for furniture
	 */
	public static boolean marked(String sentence, String title) {
		return sameText(sentence, title) || anywhere(sentence) || LEADING.matcher(sentence).find() || link(sentence);
	}

	/**
	 * A heading, label or byline: a few words without closing punctuation.
	 * @param sentence the sentence, whitespace normalised
	 * @return {@code true} for a short unfinished line
	 */
	public static boolean label(String sentence) {
		return !TERMINAL.matcher(sentence).find() && words(sentence) <= MAX_LABEL_WORDS;
	}

	/**
	 * Whether a short line says something: two words or more with a capitalised one, such
	 * as a table row ("Arsenal 12 8 3 1 25 27") or a dateline ("GENEVA, Switzerland
	 * 2026-03-02"); a lone counter, a rule or a one-word heading does not.
	 * @param sentence the sentence, whitespace normalised
	 * @return {@code true} when the line may hold names
	 */
	public static boolean content(String sentence) {
		int words = 0;
		boolean capitalised = false;
		Matcher word = WORD.matcher(sentence);
		while (word.find()) {
			words++;
			capitalised = capitalised
					|| (Character.isUpperCase(sentence.charAt(word.start())) && word.end() - word.start() > 1);
		}
		return words >= 2 && capitalised;
	}

	/** Counted without a match result per word, which {@code results()} would make. */
	private static int words(String sentence) {
		int words = 0;
		Matcher word = WORD.matcher(sentence);
		while (word.find()) {
			words++;
		}
		return words;
	}

	/**
	 * The alternation is tried at every position of the line; most lines hold none of the
	 * literal words every alternative needs, which a few {@code contains} show sooner.
	 */
	private static boolean anywhere(String sentence) {
		String lower = sentence.toLowerCase(Locale.ROOT);
		for (String needed : ANYWHERE_WORDS) {
			if (lower.contains(needed)) {
				return ANYWHERE.matcher(lower).find();
			}
		}
		return false;
	}

	/** The pattern backtracks on long sentences: only run it where a link can be. */
	private static boolean link(String sentence) {
		return (sentence.indexOf('@') >= 0 || sentence.contains("http") || sentence.contains("www.")
				|| sentence.contains("WWW.") || sentence.contains("HTTP")) && LINK.matcher(sentence).find();
	}

	/**
	 * Whether a block (a paragraph or line) starts the page's tail.
	 * @param block the block, whitespace normalised
	 * @return {@code true} for "About the Contributor", "Tags:" and the like
	 */
	public static boolean startsTail(String block) {
		return TAIL.matcher(block).matches();
	}

	private static boolean sameText(String sentence, String title) {
		// Only punctuation and spacing may differ; a much longer or shorter line is not
		// it.
		if (Math.abs(sentence.length() - title.length()) > 20) {
			return false;
		}
		return key(sentence).equals(key(title));
	}

	private static String key(String text) {
		return NOT_WORD.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Counters, scores and symbol rows; a market report full of figures still has more
	 * than a third letters.
	 */
	private static boolean mostlyNotLetters(String sentence) {
		int letters = 0;
		int visible = 0;
		for (int i = 0; i < sentence.length(); i++) {
			char c = sentence.charAt(i);
			if (Character.isLetter(c)) {
				letters++;
			}
			if (!Character.isWhitespace(c)) {
				visible++;
			}
		}
		return letters * 3 < visible;
	}

}
