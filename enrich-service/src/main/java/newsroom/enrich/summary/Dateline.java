package newsroom.enrich.summary;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dateline that opens a wire story ("GENEVA, Switzerland (Newsroom) - ", "LONDON --
 * ", "NAIROBI 2026-03-02 - "): where and from whom, not what happened, so a summary
 * starts after it.
 */
final class Dateline {

	/**
	 * A place in capitals (one to four words), optionally a region or country, an agency
	 * in brackets and a date, then a dash or colon. Capitals only, so that an ordinary
	 * opening ("Officials said - ...") is never taken for one.
	 */
	private static final Pattern DATELINE = Pattern.compile("^\\p{Lu}[\\p{Lu}.'’-]+(?: \\p{Lu}[\\p{Lu}.'’-]+){0,3}"
			+ "(?:, \\p{Lu}[\\p{L}.'’-]+(?: \\p{Lu}[\\p{L}.'’-]+){0,2})?" + "(?: \\([^()]{1,40}\\))?"
			+ "(?: \\d{1,4}[-./]\\d{1,2}[-./]\\d{1,4})?" + "\\s*(?:-{1,2}|–|—|:)\\s+(?=\\S)");

	private Dateline() {
	}

	/**
	 * The sentence without its opening dateline.
	 * @param sentence a sentence, whitespace normalised
	 * @return the sentence from the first word after the dateline, or unchanged
	 */
	static String strip(String sentence) {
		Matcher matcher = DATELINE.matcher(sentence);
		return matcher.find() ? sentence.substring(matcher.end()) : sentence;
	}

}
