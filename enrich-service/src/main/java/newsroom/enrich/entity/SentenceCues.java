package newsroom.enrich.entity;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Token;
import newsroom.enrich.text.WordRanks;
import newsroom.events.EntityType;

/**
 * One body sentence as the rules read it: its words, and the look-ups they make from a
 * token on: the longest gazetteer name, title or demonym starting there, organisation and
 * place words, calendar words and how common a word is.
 */
final class SentenceCues {

	/**
	 * A capitalised word at a sentence's start whose rank is above this is an ordinary
	 * word.
	 */
	static final int COMMON_AT_START = 20_000;

	/** Words this common are function words ("The", "In"), never the start of a name. */
	static final int FUNCTION_WORDS = 500;

	/** A name whose words are all rarer than this looks like a person's name. */
	static final int COMMON_IN_NAME = 8_000;

	private static final int KNOWN = 0, DEMONYM = 1, TITLE = 2;

	private final int index;

	private final Sentence source;

	private final List<String> words;

	private final Set<String> capitalisedInside;

	private final Gazetteer gazetteer;

	private final WordRanks ranks;

	private final CueWords cues;

	/** Per token, once asked: {@link #cues(int)}. */
	private final int[][] longestCues;

	/**
	 * @param index the sentence's index in the body, from 0
	 * @param source the sentence
	 * @param capitalisedInside the article's words written capitalised away from a
	 * sentence's start
	 * @param gazetteer the gazetteer
	 * @param ranks the word ranks
	 */
	SentenceCues(int index, Sentence source, Set<String> capitalisedInside, Gazetteer gazetteer, WordRanks ranks) {
		this.index = index;
		this.source = source;
		this.words = source.tokens().stream().map(Token::text).toList();
		this.capitalisedInside = capitalisedInside;
		this.gazetteer = gazetteer;
		this.ranks = ranks;
		this.cues = gazetteer.cueWords();
		this.longestCues = new int[this.words.size()][];
	}

	Gazetteer gazetteer() {
		return this.gazetteer;
	}

	WordRanks ranks() {
		return this.ranks;
	}

	CueWords cues() {
		return this.cues;
	}

	List<String> words() {
		return this.words;
	}

	int size() {
		return this.words.size();
	}

	String word(int i) {
		return this.words.get(i);
	}

	String lower(int i) {
		return this.words.get(i).toLowerCase(Locale.ROOT);
	}

	/** Whether the token at {@code i} is shaped like (part of) a name. */
	boolean nameLike(int i) {
		return this.cues.nameLike(this.words.get(i));
	}

	/** The gazetteer key of the tokens from {@code start} to before {@code end}. */
	String key(int start, int end) {
		return String.join(" ", this.words.subList(start, end));
	}

	/** A mention of the tokens from {@code start} to before {@code end}. */
	Mention mention(int start, int end, EntityType type, Mention.Evidence evidence, String canonical,
			List<String> codes) {
		return new Mention(this.index, start, end, this.words.subList(start, end),
				RuleTokens.surface(this.source, start, end), type, evidence, canonical, codes);
	}

	/** How many tokens from {@code start} the longest name {@code known} says is one. */
	int longest(int start, Predicate<String> known) {
		int max = Math.min(this.words.size() - start, this.gazetteer.longestKey());
		StringBuilder key = new StringBuilder();
		int found = 0;
		for (int length = 1; length <= max; length++) {
			String candidate = candidate(key, start, length);
			if (known.test(candidate)) {
				found = length;
			}
			if (!this.gazetteer.prefix(candidate)) {
				break;
			}
		}
		return found;
	}

	/**
	 * The key of {@code length} tokens from {@code start}, {@code key} holding one less.
	 */
	private String candidate(StringBuilder key, int start, int length) {
		String word = this.words.get(start + length - 1);
		if (length == 1) {
			// A one-word key is the token itself, whose hash is already worked out.
			key.append(word);
			return word;
		}
		return key.append(' ').append(word).toString();
	}

	/**
	 * The longest place, organisation or person the gazetteer knows from {@code start}.
	 */
	int longestKnown(int start) {
		return cues(start)[KNOWN];
	}

	int longestDemonym(int start) {
		return cues(start)[DEMONYM];
	}

	int longestTitle(int start) {
		return cues(start)[TITLE];
	}

	/**
	 * The longest known name, demonym and title from a token, in one pass over the
	 * gazetteer: the scan asks for each of them at the same token, and again where a name
	 * may end.
	 */
	private int[] cues(int start) {
		int[] cues = this.longestCues[start];
		if (cues == null) {
			cues = new int[3];
			int max = Math.min(this.words.size() - start, this.gazetteer.longestKey());
			StringBuilder key = new StringBuilder();
			for (int length = 1; length <= max; length++) {
				GazetteerEntry entry = this.gazetteer.entry(candidate(key, start, length));
				cues[KNOWN] = entry.known() ? length : cues[KNOWN];
				cues[DEMONYM] = entry.demonym() ? length : cues[DEMONYM];
				cues[TITLE] = entry.personTitle() ? length : cues[TITLE];
				if (!entry.prefix()) {
					break;
				}
			}
			this.longestCues[start] = cues;
		}
		return cues;
	}

	boolean startsTitle(int i) {
		return longestTitle(i) > 0;
	}

	/**
	 * A title or demonym, which starts something new rather than continuing a name.
	 */
	boolean startsCue(int i) {
		return startsTitle(i) || longestDemonym(i) > 0;
	}

	/** A lower-case title or role of one to three words ends at {@code i}. */
	boolean lowerCaseTitleEndsAt(int i) {
		String key = this.words.get(i);
		for (int length = 1; length <= 3 && i - length + 1 >= 0; length++) {
			if (length > 1) {
				key = this.words.get(i - length + 1) + " " + key;
			}
			if (this.gazetteer.lowerCaseTitle(key)) {
				return true;
			}
		}
		return false;
	}

	boolean hasOrganisationWord(int start, int end) {
		for (int i = start; i < end; i++) {
			if (this.gazetteer.organisationWord(this.words.get(i))) {
				return true;
			}
		}
		return false;
	}

	boolean hasPlaceWordAtEdge(int start, int end) {
		return this.gazetteer.placeWord(this.words.get(end - 1)) || this.gazetteer.placeWord(this.words.get(start));
	}

	/** A month, a day or a feast alone, which names nothing. */
	boolean calendar(int start, int end) {
		return end - start == 1 && this.cues.calendar().contains(this.words.get(start));
	}

	/** Whether a word of the span is common and no given name. */
	boolean common(int start, int end) {
		for (int i = start; i < end; i++) {
			if (this.ranks.rank(this.words.get(i)) <= COMMON_IN_NAME && !this.gazetteer.givenName(this.words.get(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A capitalised word that opens a sentence is an ordinary word ("Most soldiers")
	 * unless it is written capitalised elsewhere too or is a given name.
	 */
	boolean commonAtStart(String word) {
		return this.ranks.rank(word) <= COMMON_AT_START && !this.capitalisedInside.contains(word)
				&& !this.gazetteer.givenName(word);
	}

}
