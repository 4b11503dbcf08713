package newsroom.enrich.entity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import newsroom.enrich.text.WordTokenizer;
import newsroom.events.EntityType;

/**
 * What a capitalised name no gazetteer knows is, from the words in and around it: an
 * organisation word or noun, a place word or context, an acronym, the shape of a person's
 * name (a given name first, a verb of speech after).
 */
final class MentionClassifier {

	/** The articles that open an apposition saying what a name is. */
	private static final Set<String> ARTICLES = Set.of("the", "a", "an");

	private final SentenceCues sentence;

	MentionClassifier(SentenceCues sentence) {
		this.sentence = sentence;
	}

	/**
	 * The mention of the tokens from {@code start} to before {@code end}, typed where the
	 * evidence says what it is.
	 * @param start the name's first token
	 * @param end after the name's last token
	 * @return the mention, empty when the words name nothing (a month, a common acronym)
	 */
	Optional<Mention> classify(int start, int end) {
		int length = end - start;
		if (this.sentence.calendar(start, end)) {
			return Optional.empty();
		}
		if (length == 1 && this.sentence.gazetteer().organisationWord(this.sentence.word(start))) {
			// "Police", "United": a lone organisation word names nothing by itself.
			return mention(start, end, null, Mention.Evidence.NONE);
		}
		if (this.sentence.hasOrganisationWord(start, end) || organisationNounNextTo(start, end)) {
			return mention(start, end, EntityType.ORGANIZATION, Mention.Evidence.CUE);
		}
		if (length > 1 && this.sentence.hasPlaceWordAtEdge(start, end)) {
			return mention(start, end, EntityType.LOCATION, Mention.Evidence.CUE);
		}
		String first = this.sentence.word(start);
		if (length == 1 && RuleTokens.acronym(first)) {
			return this.sentence.cues().notOrganisations().contains(first) ? Optional.empty()
					: mention(start, end, EntityType.ORGANIZATION, Mention.Evidence.SHAPE);
		}
		if (placeContext(start, end)) {
			return mention(start, end, EntityType.LOCATION, Mention.Evidence.CUE);
		}
		return byShape(start, end);
	}

	/** A person's, a speaking organisation's or a place's name, by its shape alone. */
	private Optional<Mention> byShape(int start, int end) {
		int length = end - start;
		boolean plainWords = plainWords(start, end);
		int given = firstGivenName(start, end);
		if (plainWords && given >= 0 && end - given >= 2 && end - given <= 3
				&& (end - given == 2 || !this.sentence.common(end - 1, end))) {
			// "Co-founder Peter Carlsson": leading role words are not part of the name.
			return mention(given, end, EntityType.PERSON, Mention.Evidence.SHAPE);
		}
		if (length >= 2 && length <= 4 && plainWords && speechContext(start, end)
				&& !this.sentence.common(start, end)) {
			return mention(start, end, EntityType.PERSON, Mention.Evidence.SHAPE);
		}
		if (length == 1 && plainWords && !this.sentence.common(start, end) && !possessiveAfter(end)) {
			if (speechContext(start, end)) {
				// A lone unknown name that speaks is an organisation ("Basarnas said"),
				// unless it turns out to be the surname of a person named in full.
				return mention(start, end, EntityType.ORGANIZATION, Mention.Evidence.SHAPE);
			}
			if (start >= 1 && this.sentence.cues().placePrepositions().contains(this.sentence.word(start - 1))) {
				return mention(start, end, EntityType.LOCATION, Mention.Evidence.SHAPE);
			}
		}
		if (length >= 2 && length <= 3 && plainWords && !this.sentence.common(start, end)) {
			return mention(start, end, EntityType.PERSON, Mention.Evidence.SHAPE);
		}
		return mention(start, end, null, Mention.Evidence.NONE);
	}

	private Optional<Mention> mention(int start, int end, EntityType type, Mention.Evidence evidence) {
		return Optional.of(this.sentence.mention(start, end, type, evidence, null, List.of()));
	}

	/**
	 * The first token from {@code start} that is a given name, -1 if none or after common
	 * words only.
	 */
	private int firstGivenName(int start, int end) {
		for (int i = start; i < end; i++) {
			if (this.sentence.gazetteer().givenName(this.sentence.word(i))) {
				return i;
			}
			if (this.sentence.ranks().rank(this.sentence.word(i)) > SentenceCues.COMMON_AT_START) {
				return -1;
			}
		}
		return -1;
	}

	private boolean possessiveAfter(int end) {
		return end < this.sentence.size() && this.sentence.word(end).length() == 2
				&& WordTokenizer.isApostrophe(this.sentence.word(end).charAt(0));
	}

	private boolean organisationNounNextTo(int start, int end) {
		Set<String> nouns = this.sentence.cues().organisationNouns();
		if ((start >= 1 && nouns.contains(this.sentence.word(start - 1)))
				|| (end < this.sentence.size() && nouns.contains(this.sentence.word(end)))) {
			return true;
		}
		// "Northvolt, the Swedish battery maker, ...": an apposition that says what it
		// is.
		if (end + 2 < this.sentence.size() && this.sentence.word(end).equals(",")
				&& ARTICLES.contains(this.sentence.word(end + 1))) {
			for (int i = end + 2; i < Math.min(this.sentence.size(), end + 7); i++) {
				String word = this.sentence.word(i);
				if (nouns.contains(word)) {
					return true;
				}
				if (RuleTokens.isPunctuation(word)) {
					return false;
				}
			}
		}
		return false;
	}

	private boolean placeContext(int start, int end) {
		if (end < this.sentence.size() && this.sentence.cues().placeNouns().contains(this.sentence.word(end))) {
			return true;
		}
		// "Boca Chica, Texas": a name followed by the region or country it lies in.
		if (end + 1 < this.sentence.size() && this.sentence.word(end).equals(",")) {
			int known = this.sentence.longest(end + 1,
					(key) -> this.sentence.gazetteer()
						.places(key)
						.stream()
						.anyMatch((place) -> place.kind() != Gazetteer.Place.Kind.CITY));
			int after = end + 1 + known;
			if (known > 0 && (after == this.sentence.size()
					|| (!this.sentence.nameLike(after) && !RuleTokens.possessive(this.sentence.word(after))))) {
				return true;
			}
		}
		return start >= 2 && this.sentence.cues()
			.placePrefixes()
			.contains(this.sentence.lower(start - 2) + " " + this.sentence.lower(start - 1));
	}

	private boolean speechContext(int start, int end) {
		Set<String> after = this.sentence.cues().speechAfter();
		if (end < this.sentence.size() && after.contains(this.sentence.word(end))) {
			return true;
		}
		if (end + 1 < this.sentence.size() && this.sentence.word(end).equals(",")
				&& after.contains(this.sentence.word(end + 1))) {
			return true;
		}
		Set<String> before = this.sentence.cues().speechBefore();
		return (start >= 1 && before.contains(this.sentence.lower(start - 1))) || (start >= 2
				&& before.contains(this.sentence.lower(start - 2) + " " + this.sentence.lower(start - 1)));
	}

	/**
	 * Capitalised words of letters (and name particles such as "van der" inside), no
	 * all-capitals: the shape of a person's name.
	 */
	private boolean plainWords(int start, int end) {
		for (int i = start; i < end; i++) {
			String word = this.sentence.word(i);
			boolean particle = i > start && i < end - 1 && this.sentence.cues().connectors().contains(word)
					&& !this.sentence.cues().organisationConnectors().contains(word);
			if (!particle && (!this.sentence.nameLike(i) || RuleTokens.acronym(word)
					|| !Character.isLetter(word.charAt(word.length() - 1)))) {
				return false;
			}
		}
		return true;
	}

}
