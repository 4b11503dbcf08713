package newsroom.enrich.summary;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises sentences that are page furniture or headings rather than prose: ad markers,
 * share and subscribe prompts, tag and contributor lines, captions, a repeated headline,
 * and anything too short or without a sentence's closing punctuation.
 */
final class Furniture {

	/** Fewer words than this is a label, a counter or a heading, not a lead sentence. */
	static final int MIN_WORDS = 4;

	private static final Pattern TERMINAL = Pattern.compile("[.!?…][\"'”’»)\\]]*$");

	/** Phrases that mark furniture wherever they appear in a line. */
	private static final Pattern ANYWHERE = Pattern.compile("(?iu)story continues below|continue reading"
			+ "|all rights reserved|©|\\(ap photo|getty images|click here|sign up for (our|the)|our newsletter"
			+ "|this (article|story) (was )?(originally |first )?(published|appeared)|lesen sie (auch|mehr)"
			+ "|lire aussi|leer más|weiterlesen");

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

	private static final Pattern LINK = Pattern.compile("(?i)https?://|www\\.|\\S+@\\S+\\.\\w");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private Furniture() {
	}

	/**
	 * Whether a sentence is furniture.
	 * @param sentence the sentence, whitespace normalised
	 * @param title the article's headline
	 * @return {@code true} when the sentence should not go into a summary
	 */
	static boolean test(String sentence, String title) {
		return WORD.matcher(sentence).results().count() < MIN_WORDS || !TERMINAL.matcher(sentence).find()
				|| sameText(sentence, title) || ANYWHERE.matcher(sentence).find() || LEADING.matcher(sentence).find()
				|| LINK.matcher(sentence).find() || mostlyNotLetters(sentence);
	}

	private static boolean sameText(String sentence, String title) {
		return key(sentence).equals(key(title));
	}

	private static String key(String text) {
		return text.replaceAll("[^\\p{L}\\p{N}]+", " ").strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Counters, scores and symbol rows; a market report full of figures still has more
	 * than a third letters.
	 */
	private static boolean mostlyNotLetters(String sentence) {
		long letters = sentence.codePoints().filter(Character::isLetter).count();
		long visible = sentence.codePoints().filter((c) -> !Character.isWhitespace(c)).count();
		return letters * 3 < visible;
	}

}
