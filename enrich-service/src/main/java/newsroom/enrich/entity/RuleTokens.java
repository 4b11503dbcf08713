package newsroom.enrich.entity;

import java.util.List;

import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Token;
import newsroom.enrich.text.Furniture;
import newsroom.enrich.text.WordTokenizer;

/**
 * What the rules read off single tokens, whatever the word lists say: punctuation,
 * possessives, acronyms, where a sentence's words start, and a span's text as written.
 */
final class RuleTokens {

	private RuleTokens() {
	}

	/**
	 * The text from a sentence's token {@code start} to before {@code end}, spaces
	 * normalised.
	 */
	static String surface(Sentence sentence, int start, int end) {
		List<Token> tokens = sentence.tokens();
		String written = sentence.text()
			.substring(tokens.get(start).start() - sentence.start(), tokens.get(end - 1).end() - sentence.start());
		return Furniture.normalise(written);
	}

	static boolean isPunctuation(String word) {
		return word.length() == 1 && !Character.isLetterOrDigit(word.charAt(0));
	}

	/** The index of the first token that is no punctuation mark. */
	static int firstWord(List<String> words) {
		int i = 0;
		while (i < words.size() && isPunctuation(words.get(i))) {
			i++;
		}
		return i;
	}

	/** "’s" or "'s", as the tokenizer splits it from "Korea’s". */
	static boolean possessive(String word) {
		return word.length() == 2 && WordTokenizer.isApostrophe(word.charAt(0))
				&& (word.charAt(1) == 's' || word.charAt(1) == 'S');
	}

	/**
	 * Two to eight characters, capitals with digits, dots or "&" ("NATO", "U.S.", "G7").
	 */
	static boolean acronym(String word) {
		if (word.length() < 2 || word.length() > 8) {
			return false;
		}
		int upper = 0;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (Character.isUpperCase(c)) {
				upper++;
			}
			else if (!Character.isDigit(c) && c != '.' && c != '&') {
				return false;
			}
		}
		return upper >= 2 || (upper == 1 && word.length() <= 3 && Character.isDigit(word.charAt(word.length() - 1)));
	}

}
