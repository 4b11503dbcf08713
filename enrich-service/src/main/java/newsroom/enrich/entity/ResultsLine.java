package newsroom.enrich.entity;

import java.util.List;

import newsroom.enrich.analysis.Token;

/**
 * A line of match results, a side and its score twice: "Arsenal 2 Tottenham 1", "NEW YORK
 * YANKEES 5 Boston 3" (wire copy writes the home side in capitals). Both sides are
 * organisations (a country among them is a place, as everywhere), whatever the tagger
 * made of words that stand without a sentence around them.
 */
final class ResultsLine {

	/**
	 * A side is one to four capitalised words ("St Louis", "Wolverhampton Wanderers").
	 */
	private static final int MOST_WORDS = 4;

	private ResultsLine() {
	}

	/**
	 * The sides of a results line.
	 * @param tokens a sentence's tokens
	 * @return the two sides' token spans ({start, end} each), or none when the sentence
	 * is no results line
	 */
	static List<int[]> sides(List<Token> tokens) {
		int n = tokens.size();
		while (n > 0 && isPunctuation(tokens.get(n - 1).text())) {
			n--;
		}
		int firstEnd = sideEnd(tokens, 0, n);
		if (firstEnd < 0 || firstEnd + 1 >= n || !isScore(tokens.get(firstEnd).text())) {
			return List.of();
		}
		int secondEnd = sideEnd(tokens, firstEnd + 1, n);
		if (secondEnd < 0 || secondEnd + 1 != n || !isScore(tokens.get(secondEnd).text())) {
			return List.of();
		}
		return List.of(new int[] { 0, firstEnd }, new int[] { firstEnd + 1, secondEnd });
	}

	/**
	 * Whether a row of results or standings opens at {@code start}: a side, then its
	 * figures, and no lower-case word in the row ("Barcelona 22 17 3 2", but not "Article
	 * 5 of the treaty").
	 * @param tokens a sentence's tokens
	 * @param start where the side's first word is
	 * @return whether the word after it is a figure in such a row
	 */
	static boolean opensRow(List<Token> tokens, int start) {
		return start + 1 < tokens.size() && Character.isDigit(tokens.get(start + 1).text().charAt(0))
				&& tokens.stream().noneMatch((token) -> Character.isLowerCase(token.text().charAt(0)));
	}

	/** Where the capitalised words from {@code start} end, or -1 when there are none. */
	private static int sideEnd(List<Token> tokens, int start, int end) {
		int i = start;
		while (i < end && i - start < MOST_WORDS && isCapitalised(tokens.get(i).text())) {
			i++;
		}
		return (i == start) ? -1 : i;
	}

	private static boolean isCapitalised(String word) {
		if (!Character.isUpperCase(word.charAt(0))) {
			return false;
		}
		for (int i = 1; i < word.length(); i++) {
			char c = word.charAt(i);
			if (!Character.isLetter(c) && c != '.' && c != '-' && c != '\'') {
				return false;
			}
		}
		return true;
	}

	private static boolean isScore(String word) {
		return word.length() <= 3 && word.chars().allMatch(Character::isDigit);
	}

	private static boolean isPunctuation(String word) {
		return word.chars().noneMatch(Character::isLetterOrDigit);
	}

}
