package newsroom.enrich.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts words as a reader would: runs of letters and digits, kept whole across inner
 * apostrophes, hyphens and periods ("Korea’s", "Yong-hyun", "U.S.-trained", "1.3") and
 * across thousands separators ("12,000").
 */
final class WordCounter {

	private static final Pattern WORD = Pattern
		.compile("[\\p{L}\\p{N}\\p{M}]+(?:(?:['’\\-‐.]+|(?<=\\p{N}),(?=\\p{N}))[\\p{L}\\p{N}\\p{M}]+)*");

	private WordCounter() {
	}

	static int count(CharSequence text) {
		// Without a match result per word, which results() would make.
		int words = 0;
		Matcher word = WORD.matcher(text);
		while (word.find()) {
			words++;
		}
		return words;
	}

}
