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

	/**
	 * Per token, once asked: the longest name from it by each of the two lists, found in
	 * one pass, as both covers try the same tokens.
	 */
	private final Match[][] longest;

	GazetteerCover(Gazetteer gazetteer, String[] words) {
		this.gazetteer = gazetteer;
		this.words = words;
		this.longest = new Match[words.length][];
	}

	/** The cover by the name lists written for Newsroom and GeoNames. */
	String[] cover() {
		return cover(0);
	}

	/** The cover by WordNet's capitalised nouns, a second opinion. */
	String[] wordNetCover() {
		return cover(1);
	}

	private String[] cover(int list) {
		String[] cover = new String[this.words.length];
		int i = 0;
		while (i < this.words.length) {
			Match match = longest(i)[list];
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

	/** The longest name from {@code start} by the lists and by WordNet. */
	private Match[] longest(int start) {
		Match[] found = this.longest[start];
		if (found != null) {
			return found;
		}
		found = new Match[2];
		this.longest[start] = found;
		if (!mayStartName(this.words[start])) {
			return found;
		}
		int max = Math.min(this.words.length - start, this.gazetteer.longestKey());
		StringBuilder key = new StringBuilder();
		for (int length = 1; length <= max; length++) {
			if (length > 1) {
				key.append(' ');
			}
			String word = this.words[start + length - 1];
			key.append(word);
			// A one-word key is the token itself, whose hash is already worked out.
			GazetteerEntry entry = this.gazetteer.entry((length == 1) ? word : key.toString());
			found[0] = match(entry, GazetteerEntry::kind, length, found[0]);
			found[1] = match(entry, GazetteerEntry::wordNet, length, found[1]);
			if (!entry.prefix()) {
				break;
			}
		}
		return found;
	}

	private static Match match(GazetteerEntry entry, Function<GazetteerEntry, String> list, int length, Match before) {
		String category = list.apply(entry);
		return (category != null) ? new Match(category, length) : before;
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
