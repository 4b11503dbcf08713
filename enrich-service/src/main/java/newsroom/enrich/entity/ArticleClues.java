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
 * sentence), and which words it writes inside a name holding an organisation word
 * ("Hinkley" of "Hinkley Locomotive Works") and which initials such names have ("AHAC"),
 * so that the short forms take the name's type.
 */
final class ArticleClues {

	private final Set<String> capitalisedInside = new HashSet<>();

	private final Set<String> lowerCase = new HashSet<>();

	private final Set<String> inOrganisationName = new HashSet<>();

	private final Set<String> organisationInitials = new HashSet<>();

	ArticleClues(List<Sentence> sentences, Gazetteer gazetteer) {
		for (Sentence sentence : sentences) {
			List<Token> tokens = sentence.tokens();
			organisationNames(tokens, gazetteer);
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

	/**
	 * Runs of capitalised words, joined by the tagger's connectors, that hold an
	 * organisation word: their words and initials.
	 */
	private void organisationNames(List<Token> tokens, Gazetteer gazetteer) {
		Set<String> connectors = gazetteer.cueWords().taggerConnectors();
		int i = 0;
		while (i < tokens.size()) {
			int end = i;
			boolean organisation = false;
			StringBuilder initials = new StringBuilder();
			while (end < tokens.size()) {
				String word = tokens.get(end).text();
				if (TokenFeatures.capitalised(word)) {
					organisation |= gazetteer.organisationWord(word);
					initials.append(word.charAt(0));
					end++;
				}
				else if (end > i && connectors.contains(word) && end + 1 < tokens.size()
						&& TokenFeatures.capitalised(tokens.get(end + 1).text())) {
					end++;
				}
				else {
					break;
				}
			}
			if (organisation) {
				for (int k = i; k < end; k++) {
					this.inOrganisationName.add(tokens.get(k).text());
				}
				if (initials.length() >= 2) {
					this.organisationInitials.add(initials.toString());
				}
			}
			i = Math.max(end, i + 1);
		}
	}

	boolean inOrganisationName(String word) {
		return this.inOrganisationName.contains(word);
	}

	boolean organisationInitials(String word) {
		return this.organisationInitials.contains(word);
	}

	boolean capitalisedInside(String word) {
		return this.capitalisedInside.contains(word);
	}

	boolean writtenLower(String lowerCaseWord) {
		return this.lowerCase.contains(lowerCaseWord);
	}

}
