package newsroom.enrich.text;

import java.util.ArrayList;
import java.util.List;

import newsroom.enrich.analysis.Token;

/**
 * Splits a sentence into words and punctuation in one pass over its characters. A word
 * keeps inner hyphens, apostrophes and periods ("Yong-hyun", "O’Brien", "U.S.", "1.3")
 * and thousands separators ("12,000"); a possessive ending ("Korea’s", "soldiers’") is a
 * token of its own, so that the name before it stays whole.
 *
 * <p>
 * Measured on English news, OpenNLP's maximum-entropy tokenizer cost about ten times as
 * much for the same tokens and kept "Korea’s" as one token.
 */
public final class WordTokenizer {

	private WordTokenizer() {
	}

	/**
	 * Split a text.
	 * @param text the text
	 * @param offset added to every token's offsets, the text's position in the document
	 * @return the tokens, in order
	 */
	public static List<Token> tokenize(String text, int offset) {
		List<Token> tokens = new ArrayList<>(text.length() / 5 + 1);
		int length = text.length();
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || c == '\u00A0') {
				i++;
				continue;
			}
			if (!isWordChar(c)) {
				tokens.add(token(text, i, i + 1, offset));
				i++;
				continue;
			}
			int end = i + 1;
			while (end < length) {
				char d = text.charAt(end);
				if (isWordChar(d)) {
					end++;
				}
				else if (isJoiner(d, text, end) && end + 1 < length && isWordChar(text.charAt(end + 1))) {
					end += 2;
				}
				else {
					break;
				}
			}
			// "U.S." and "D.C.": the final period belongs to a dotted abbreviation, and
			// "F." in "George F. Hauser" to an initial.
			if (end < length && text.charAt(end) == '.'
					&& (dottedAbbreviation(text, i, end) || initial(text, i, end))) {
				end++;
			}
			addWord(tokens, text, i, end, offset);
			i = end;
		}
		return tokens;
	}

	private static void addWord(List<Token> tokens, String text, int start, int end, int offset) {
		int length = end - start;
		if (length > 2 && isApostrophe(text.charAt(end - 2))
				&& (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')) {
			tokens.add(token(text, start, end - 2, offset));
			tokens.add(token(text, end - 2, end, offset));
			return;
		}
		tokens.add(token(text, start, end, offset));
	}

	private static boolean isJoiner(char c, String text, int index) {
		if (c == '-' || c == '‐' || c == '\'' || c == '’' || c == '.' || c == '&') {
			return true;
		}
		// Thousands separators only between digits.
		return c == ',' && index > 0 && Character.isDigit(text.charAt(index - 1)) && index + 1 < text.length()
				&& Character.isDigit(text.charAt(index + 1));
	}

	private static boolean dottedAbbreviation(String text, int start, int end) {
		// Letters each followed by a period: U.S, D.C, U.S.A
		for (int i = start; i < end; i++) {
			boolean letterSlot = ((i - start) % 2) == 0;
			char c = text.charAt(i);
			if (letterSlot ? !Character.isLetter(c) : c != '.') {
				return false;
			}
		}
		return end - start >= 3;
	}

	/** A lone capital letter followed by a period and a capitalised word. */
	private static boolean initial(String text, int start, int end) {
		return end - start == 1 && Character.isUpperCase(text.charAt(start)) && end + 2 < text.length()
				&& text.charAt(end + 1) == ' ' && Character.isUpperCase(text.charAt(end + 2));
	}

	public static boolean isApostrophe(char c) {
		return c == '\'' || c == '’';
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
				|| Character.getType(c) == Character.COMBINING_SPACING_MARK;
	}

	private static Token token(String text, int start, int end, int offset) {
		return new Token(start + offset, end + offset, text.substring(start, end));
	}

}
