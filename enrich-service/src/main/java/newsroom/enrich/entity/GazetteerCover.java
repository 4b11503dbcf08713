package newsroom.enrich.entity;

import java.util.function.Function;

/**
 * Which gazetteer name covers each token of a sentence, by longest match from left to
 * right: "COUNTRY-B", "CITY-I", "ORG-B", "PERSON-B", "DEMONYM-B", "TITLE-B" and so on,
 * {@code null} where none does; and the same by WordNet's classes. A tagger feature, not
 * a decision: "Liverpool" is covered as a city whether or not the article means the club.
 */
final class GazetteerCover {

	private final Gazetteer gazetteer;

	private final String[] words;

	GazetteerCover(Gazetteer gazetteer, String[] words) {
		this.gazetteer = gazetteer;
		this.words = words;
	}

	/** The cover by the name lists written for Newsroom and GeoNames. */
	String[] cover() {
		return cover(this.gazetteer::kind);
	}

	/** The cover by WordNet's capitalised nouns, a second opinion. */
	String[] wordNetCover() {
		return cover(this.gazetteer::wordNet);
	}

	private String[] cover(Function<String, String> categories) {
		String[] cover = new String[this.words.length];
		int i = 0;
		while (i < this.words.length) {
			Match match = longest(i, categories);
			if (match == null) {
				i++;
				continue;
			}
			for (int k = i; k < i + match.length(); k++) {
				cover[k] = match.category() + ((k == i) ? "-B" : "-I");
			}
			i += match.length();
		}
		return cover;
	}

	private Match longest(int start, Function<String, String> categories) {
		if (!mayStartName(this.words[start])) {
			return null;
		}
		int max = Math.min(this.words.length - start, this.gazetteer.longestKey());
		StringBuilder key = new StringBuilder();
		Match found = null;
		for (int length = 1; length <= max; length++) {
			if (length > 1) {
				key.append(' ');
			}
			String word = this.words[start + length - 1];
			key.append(word);
			// A one-word key is the token itself, whose hash is already worked out.
			String candidate = (length == 1) ? word : key.toString();
			String category = categories.apply(candidate);
			if (category != null) {
				found = new Match(category, length);
			}
			if (!this.gazetteer.prefix(candidate)) {
				break;
			}
		}
		return found;
	}

	/** Every name the lists hold starts with a capital or a digit, or has one inside. */
	private static boolean mayStartName(String word) {
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (Character.isUpperCase(c) || (i == 0 && Character.isDigit(c))) {
				return true;
			}
		}
		return false;
	}

	private record Match(String category, int length) {
	}

}
