package newsroom.ingest.clean;

import java.text.Normalizer;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TextCleaner#cleanLine(String)} skips its patterns on lines that
 * {@link TextCleaner#needsFolding(String)} finds plain: these tests hold it to the
 * patterns themselves, applied to every line as before (written out again here, so that a
 * change to either side shows).
 */
class TextCleanerShortcutsTests {

	private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u2060\\uFEFF\\u00AD]");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r\\x0B\\f]]");

	private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|[\\r\\u0085\\u2028\\u2029]");

	private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");

	private static final Pattern SPACES = Pattern.compile("[\\h\\x0B\\f]{2,}|[\\h\\x0B\\f&&[^ ]]");

	/** Letters, punctuation news is full of, and every character the patterns change. */
	private static final String ALPHABET = "ab Zé’“—-.,0\u0301\t\n\r\u000B\f\u0000\u001F\u007F\u0085\u009F\u00A0\u00AD"
			+ "\u1680\u180E\u2000\u2007\u200A\u200B\u200C\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF";

	private final TextCleaner cleaner = new TextCleaner();

	@Test
	void findsEveryCharacterThePatternsChange() {
		for (char c = 0; c < Character.MAX_VALUE; c++) {
			String line = "a" + c + "b";
			if (!Character.isSurrogate(c) && !folded(line).equals(line)) {
				assertThat(TextCleaner.needsFolding(line)).as("U+%04X", (int) c).isTrue();
			}
		}
		assertThat(TextCleaner.needsFolding("North  Korea")).isTrue();
		assertThat(TextCleaner.needsFolding("North Korea’s “plan” — in full, at 5.0%")).isFalse();
	}

	@Property(tries = 2000)
	void cleansEveryLineAsThePatternsDo(@ForAll("lines") String line) {
		String normalized = Normalizer.normalize(line, Normalizer.Form.NFC);
		assertThat(this.cleaner.cleanLine(line)).isEqualTo(folded(normalized).strip());
	}

	@Test
	void trimsTheEdgesOfALineAsThePatternDoes() {
		for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
			String mark = Character.toString(c);
			for (String line : new String[] { mark + "a b" + mark, mark + mark, mark + "é" }) {
				assertThat(TextCleaner.core(line)).as("U+%04X", c)
					.isEqualTo(EDGE_PUNCTUATION.matcher(line).replaceAll(""));
			}
		}
		assertThat(TextCleaner.core("— “Read more” …")).isEqualTo("Read more");
	}

	@Test
	void countsTheLettersAndDigitsOfTheComparisonKey() {
		for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
			String text = "x" + Character.toString(c) + "Σ";
			String key = TextCleaner.comparisonKey(text);
			assertThat(TextCleaner.lettersAndDigits(text)).as("U+%04X", c)
				.isEqualTo(key.codePointCount(0, key.length()));
		}
	}

	@Property(tries = 2000)
	void trimsEveryLineAsThePatternDoes(@ForAll("lines") String raw) {
		// A line as the cleaner trims it: without line breaks, before which the pattern's
		// $
		// would also match.
		String line = this.cleaner.cleanLine(raw);
		assertThat(TextCleaner.core(line)).isEqualTo(EDGE_PUNCTUATION.matcher(line).replaceAll(""));
	}

	@Provide
	Arbitrary<String> lines() {
		return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(24);
	}

	private static String folded(String value) {
		value = INVISIBLE.matcher(value).replaceAll("");
		value = CONTROL.matcher(value).replaceAll("");
		value = LINE_BREAK.matcher(value).replaceAll(" ").replace('\n', ' ');
		return SPACES.matcher(value).replaceAll(" ");
	}

}
