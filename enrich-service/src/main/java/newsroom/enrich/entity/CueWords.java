package newsroom.enrich.entity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The small cue word lists of the rules ({@link MentionFinder}) and of the tagger's
 * features ({@link TokenFeatures}), read with the {@link Gazetteer} from
 * {@code gazetteer/cue-words.tsv}, where each list is named and described.
 *
 * @param connectors lower-case words that may join the parts of one name
 * @param organisationConnectors connectors that only join the parts of an organisation's
 * or a place's name
 * @param organisationNouns lower-case nouns that, next to a name, make it an organisation
 * @param adjectiveSuffixes last parts of adjectives made from a name ("Stockholm-based")
 * @param placePrepositions prepositions that, right before a single unknown name, make it
 * a place
 * @param placeNouns lower-case nouns that, right after a name, make it a place
 * @param placePrefixes pairs of words that, right before a name, make it a place
 * @param speechAfter verbs of speech that, after a name, make it a speaker
 * @param speechBefore words of speech that, right before a name, make it a speaker
 * @param notOrganisations all-capital words that name no organisation
 * @param calendar months, days and feasts
 * @param taggerConnectors the tagger's words that join two capitalised words into a chunk
 * @param taggerSpeech the tagger's verbs of speech after a chunk
 */
record CueWords(Set<String> connectors, Set<String> organisationConnectors, Set<String> organisationNouns,
		Set<String> adjectiveSuffixes, Set<String> placePrepositions, Set<String> placeNouns, Set<String> placePrefixes,
		Set<String> speechAfter, Set<String> speechBefore, Set<String> notOrganisations, Set<String> calendar,
		Set<String> taggerConnectors, Set<String> taggerSpeech) {

	/**
	 * The lists from their names in {@code cue-words.tsv}.
	 * @param lists each list's words under its name
	 * @return the cue words
	 * @throws IllegalStateException when a list is missing or unknown: a misspelt name
	 * would silently empty a list and change what the rules find
	 */
	static CueWords of(Map<String, ? extends Collection<String>> lists) {
		Map<String, Collection<String>> remaining = new HashMap<>(lists);
		CueWords words = new CueWords(take(remaining, "connectors"), take(remaining, "organisation-connectors"),
				take(remaining, "organisation-nouns"), take(remaining, "adjective-suffixes"),
				take(remaining, "place-prepositions"), take(remaining, "place-nouns"),
				take(remaining, "place-prefixes"), take(remaining, "speech-after"), take(remaining, "speech-before"),
				take(remaining, "not-organisations"), take(remaining, "calendar"), take(remaining, "tagger-connectors"),
				take(remaining, "tagger-speech"));
		if (!remaining.isEmpty()) {
			throw new IllegalStateException("Unknown cue word lists: " + new TreeSet<>(remaining.keySet()));
		}
		return words;
	}

	private static Set<String> take(Map<String, Collection<String>> lists, String name) {
		Collection<String> words = lists.remove(name);
		if (words == null || words.isEmpty()) {
			throw new IllegalStateException("No cue word list " + name);
		}
		// Immutable sets as the lists had in code: same look-ups, same speed.
		return Set.copyOf(words);
	}

	/**
	 * Whether a word is shaped like a name or a part of one: capitalised, and not an
	 * adjective made from a name.
	 * @param word a token
	 * @return whether it may be (part of) a name
	 */
	boolean nameLike(String word) {
		if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
			return false;
		}
		// "Stockholm-based", "Ukraine-controlled": adjectives made from a name.
		int hyphen = word.lastIndexOf('-');
		return hyphen < 0 || !this.adjectiveSuffixes.contains(word.substring(hyphen + 1));
	}

}
