package newsroom.enrich.entity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Token;

/**
 * What a whole article says about its words, for the tagger: which words it writes
 * capitalised away from a sentence's start (names, even when they are common words
 * elsewhere), and which it writes in lower case (ordinary words, even when one opens a
 * sentence).
 */
final class ArticleClues {

	private final Set<String> capitalisedInside = new HashSet<>();

	private final Set<String> lowerCase = new HashSet<>();

	ArticleClues(List<Sentence> sentences) {
		for (Sentence sentence : sentences) {
			List<Token> tokens = sentence.tokens();
			boolean start = true;
			for (int i = 0; i < tokens.size(); i++) {
				String word = tokens.get(i).text();
				if (!Character.isLetter(word.charAt(0))) {
					continue;
				}
				if (Character.isUpperCase(word.charAt(0))) {
					if (!start && !RuleTokens.isPunctuation(tokens.get(i - 1).text())) {
						this.capitalisedInside.add(word);
					}
				}
				else {
					this.lowerCase.add(word);
				}
				start = false;
			}
		}
	}

	boolean capitalisedInside(String word) {
		return this.capitalisedInside.contains(word);
	}

	boolean writtenLower(String lowerCaseWord) {
		return this.lowerCase.contains(lowerCaseWord);
	}

}
