package newsroom.enrich.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into blocks: paragraphs, headings and the one-line furniture that scraped
 * pages leave behind. A line break ends a block unless it only wraps a sentence, so that
 * a heading never runs into the paragraph under it.
 */
final class Blocks {

	private Blocks() {
	}

	static List<Range> of(String text) {
		List<Range> blocks = new ArrayList<>();
		Range current = null;
		boolean blankBefore = false;
		int lineStart = 0;
		while (lineStart <= text.length()) {
			int lineEnd = text.indexOf('\n', lineStart);
			if (lineEnd < 0) {
				lineEnd = text.length();
			}
			Range line = strip(text, lineStart, lineEnd);
			if (line == null) {
				blankBefore = true;
			}
			else {
				if (current != null && !blankBefore && wraps(text, current, line)) {
					current = new Range(current.start(), line.end());
				}
				else {
					if (current != null) {
						blocks.add(current);
					}
					current = line;
				}
				blankBefore = false;
			}
			lineStart = lineEnd + 1;
		}
		if (current != null) {
			blocks.add(current);
		}
		return blocks;
	}

	/**
	 * A hard-wrapped sentence goes on in lower case after a line that did not end it.
	 */
	private static boolean wraps(String text, Range previous, Range next) {
		char last = text.charAt(previous.end() - 1);
		return (Character.isLetterOrDigit(last) || last == ',' || last == '-')
				&& Character.isLowerCase(text.codePointAt(next.start()));
	}

	private static Range strip(String text, int start, int end) {
		while (start < end && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return (start < end) ? new Range(start, end) : null;
	}

}
