package newsroom.enrich.entity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Token;
import newsroom.enrich.text.Furniture;
import newsroom.enrich.text.WordRanks;
import newsroom.enrich.text.WordTokenizer;
import newsroom.events.EntityType;

/**
 * The rules that find names in English sentences and say what they are, without a trained
 * model: capitalised runs of tokens (with "of", "for", "de"... inside them),
 * longest-match look-ups in the {@link Gazetteer}, titles before a name ("Defense
 * Minister Kim Yong-hyun"), organisation words inside one ("Ministry", "University",
 * "Inc."), place words after one ("the Kursk region") and the shape of a person's name (a
 * given name first, a verb of speech after). Demonyms are never names by themselves; they
 * are collected as evidence of which countries the article is about.
 */
final class MentionFinder {

	/** Lower-case words that may join the parts of one name. */
	private static final Set<String> CONNECTORS = Set.of("of", "for", "de", "da", "del", "della", "di", "van", "von",
			"der", "den", "ten", "ter", "te", "zu", "al", "el", "bin", "bint", "ibn", "la", "le", "du", "do", "dos",
			"das", "y", "and", "&", "the");

	/**
	 * Connectors that only join the parts of an organisation's name ("Bank of the West");
	 * a person's name keeps "van der", "bin" and the like, but "Maria Gonzalez of New
	 * Mexico" is two names.
	 */
	private static final Set<String> ORGANISATION_CONNECTORS = Set.of("and", "&", "the", "for", "of");

	/** Lower-case nouns that, right before or after a name, make it an organisation. */
	static final Set<String> ORGANISATION_NOUNS = Set.of("company", "firm", "group", "carmaker", "automaker", "maker",
			"manufacturer", "retailer", "airline", "bank", "lender", "insurer", "chain", "start-up", "startup",
			"agency", "union", "broadcaster", "newspaper", "giant", "operator", "supplier", "developer", "publisher",
			"club", "party", "charity", "regulator", "watchdog", "conglomerate", "brand", "label", "network", "outlet",
			"platform", "website", "app", "band");

	private static final Set<String> ADJECTIVE_SUFFIXES = Set.of("based", "born", "led", "backed", "owned", "made",
			"run", "controlled", "bound", "style", "era", "related", "linked", "funded", "listed", "registered",
			"headquartered", "centred", "centered", "focused", "wide", "occupied", "held", "sponsored", "allied");

	/** Prepositions that, right before a single unknown name, make it a place. */
	private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "near");

	private static final Set<String> PLACE_NOUNS = Set.of("region", "province", "oblast", "county", "district",
			"prefecture", "governorate", "state", "peninsula", "valley", "island", "islands", "coast", "river",
			"mountains", "desert", "basin", "strait", "municipality", "township", "borough", "canton");

	private static final Set<String> PLACE_PREFIXES = Set.of("city of", "town of", "village of", "province of",
			"region of", "state of", "port of", "island of", "capital of");

	private static final Set<String> SPEECH_AFTER = Set.of("said", "says", "told", "added", "explained", "wrote",
			"argued", "noted", "insisted", "warned", "stated", "recalled", "acknowledged", "admitted", "claimed",
			"believes", "thinks", "tweeted", "testified", "replied", "asked", "urged");

	private static final Set<String> SPEECH_BEFORE = Set.of("said", "says", "according to", "told", "asked", "added",
			"wrote");

	private static final Set<String> NOT_ORGANISATIONS = Set.of("CEO", "CEOs", "CFO", "COO", "CTO", "GDP", "AI", "TV",
			"DNA", "RNA", "EV", "EVs", "IPO", "PhD", "MP", "MPs", "OK", "AM", "PM", "PC", "ID", "IT", "HIV", "AIDS",
			"COVID", "CO2", "LGBT", "LGBTQ", "VAT", "GPS", "UFO", "SUV", "SUVs", "ICU", "A", "I", "BC", "AD", "USD",
			"EUR", "GMT", "UTC", "FAQ", "PDF", "VIP");

	private static final Set<String> CALENDAR = Set.of("January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
			"Friday", "Saturday", "Sunday", "Christmas", "Easter");

	/**
	 * A capitalised word at a sentence's start whose rank is above this is an ordinary
	 * word.
	 */
	static final int COMMON_AT_START = 20_000;

	/** Words this common are function words ("The", "In"), never the start of a name. */
	static final int FUNCTION_WORDS = 500;

	/** A name whose words are all rarer than this looks like a person's name. */
	static final int COMMON_IN_NAME = 8_000;

	private final Gazetteer gazetteer;

	private final WordRanks ranks;

	MentionFinder(Gazetteer gazetteer, WordRanks ranks) {
		this.gazetteer = gazetteer;
		this.ranks = ranks;
	}

	/**
	 * Find the mentions in an article's body.
	 * @param body the body sentences
	 * @param countries collects the country codes that demonyms point at
	 * @return the mentions, in order
	 */
	List<Mention> find(List<Sentence> body, Set<String> countries) {
		Set<String> capitalisedInside = capitalisedInside(body);
		List<Mention> mentions = new ArrayList<>();
		for (int s = 0; s < body.size(); s++) {
			Sentence sentence = body.get(s);
			List<String> words = sentence.tokens().stream().map(Token::text).toList();
			new SentenceScan(s, sentence, words, capitalisedInside, mentions, countries).run();
		}
		return mentions;
	}

	/**
	 * Words written capitalised somewhere other than at a sentence's start: names, even
	 * when they are also common words.
	 */
	private static Set<String> capitalisedInside(List<Sentence> body) {
		Set<String> words = new HashSet<>();
		for (Sentence sentence : body) {
			List<Token> tokens = sentence.tokens();
			int first = firstWord(tokens.stream().map(Token::text).toList());
			for (int i = first + 1; i < tokens.size(); i++) {
				String word = tokens.get(i).text();
				if (nameLike(word) && !isPunctuation(tokens.get(i - 1).text())) {
					words.add(word);
				}
			}
		}
		return words;
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

	static boolean nameLike(String word) {
		if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
			return false;
		}
		// "Stockholm-based", "Ukraine-controlled": adjectives made from a name.
		int hyphen = word.lastIndexOf('-');
		return hyphen < 0 || !ADJECTIVE_SUFFIXES.contains(word.substring(hyphen + 1));
	}

	private static boolean isPunctuation(String word) {
		return word.length() == 1 && !Character.isLetterOrDigit(word.charAt(0));
	}

	private static int firstWord(List<String> words) {
		int i = 0;
		while (i < words.size() && isPunctuation(words.get(i))) {
			i++;
		}
		return i;
	}

	/** One pass over one sentence. */
	private final class SentenceScan {

		private final int sentence;

		private final Sentence source;

		private final List<String> words;

		private final Set<String> capitalisedInside;

		private final List<Mention> mentions;

		private final Set<String> countries;

		SentenceScan(int sentence, Sentence source, List<String> words, Set<String> capitalisedInside,
				List<Mention> mentions, Set<String> countries) {
			this.sentence = sentence;
			this.source = source;
			this.words = words;
			this.capitalisedInside = capitalisedInside;
			this.mentions = mentions;
			this.countries = countries;
		}

		void run() {
			int first = firstWord(this.words);
			int i = 0;
			while (i < this.words.size()) {
				String word = this.words.get(i);
				if (!nameLike(word)) {
					int name = (i + 1 < this.words.size() && this.words.get(i + 1).equals(",")) ? i + 2 : i + 1;
					boolean beforeName = name < this.words.size() && nameLike(this.words.get(name));
					// "governor Shaktikanta Das", "chief executive, Anko van der Werff,"
					i = (beforeName && lowerCaseTitleEndsAt(i)) ? titled(i, name, false) : i + 1;
					continue;
				}
				i = step(i, i == first);
			}
		}

		/** Handle the name-like token at {@code i}; answer where to go on. */
		private int step(int i, boolean sentenceStart) {
			int known = longestKnown(i);
			int demonym = longest(i, (key) -> MentionFinder.this.gazetteer.demonym(key) != null);
			int title = longest(i, MentionFinder.this.gazetteer::personTitle);
			if (title == 0 && sentenceStart) {
				// "Glaciologist Matthias Huss said": a role capitalised by the sentence.
				title = longest(i, (key) -> MentionFinder.this.gazetteer.lowerCaseTitle(key.toLowerCase(Locale.ROOT)));
			}
			if (known > 0 && known >= demonym && known >= title) {
				return known(i, i + known, sentenceStart);
			}
			if (demonym > 0 && demonym >= title) {
				return demonym(i, i + demonym);
			}
			if (title > 0) {
				return titled(i, i + title, true);
			}
			if (sentenceStart && commonAtStart(this.words.get(i))
					&& !(MentionFinder.this.ranks.rank(this.words.get(i)) > FUNCTION_WORDS
							&& hasOrganisationWord(i, chunkEnd(i)))) {
				// "Most soldiers", "The Met Office"; but "Reserve Bank of India".
				return i + 1;
			}
			int end = chunkEnd(i);
			classify(i, end).ifPresent(this.mentions::add);
			return end;
		}

		/** A gazetteer name from {@code start} to {@code end}. */
		private int known(int start, int end, boolean sentenceStart) {
			String key = key(start, end);
			if (calendar(start, end)) {
				return end;
			}
			if (end < this.words.size() && nameLike(this.words.get(end)) && !startsCue(end)) {
				// "Washington Post", "Moscow State University", "Jordan Henderson": the
				// known name is only the start of a longer one, when a cue says so.
				int longer = chunkEnd(start);
				java.util.Optional<Mention> whole = classify(start, longer);
				if (whole.isPresent() && whole.get().type() != null && (whole.get().evidence() == Mention.Evidence.CUE
						|| MentionFinder.this.gazetteer.givenName(this.words.get(start)))) {
					this.mentions.add(whole.get());
					return longer;
				}
			}
			String person = MentionFinder.this.gazetteer.person(key);
			String organisation = MentionFinder.this.gazetteer.organisation(key);
			List<Gazetteer.Place> places = MentionFinder.this.gazetteer.places(key);
			if (!places.isEmpty() && (organisation == null || places.get(0).kind() == Gazetteer.Place.Kind.COUNTRY)) {
				boolean onlyCity = places.get(0).kind() == Gazetteer.Place.Kind.CITY;
				if (onlyCity && end - start == 1 && ambiguousWord(this.words.get(start), sentenceStart)) {
					return start + 1;
				}
				List<String> codes = places.stream()
					.map(Gazetteer.Place::countryCode)
					.filter(java.util.Objects::nonNull)
					.distinct()
					.toList();
				if (places.get(0).kind() != Gazetteer.Place.Kind.CITY && places.get(0).countryCode() != null) {
					// A country or a region of one ("Ontario"): the article is about it.
					this.countries.add(places.get(0).countryCode());
				}
				add(start, end, EntityType.LOCATION, Mention.Evidence.GAZETTEER, places.get(0).name(), codes);
			}
			else if (organisation != null) {
				add(start, end, EntityType.ORGANIZATION, Mention.Evidence.GAZETTEER, organisation, List.of());
			}
			else if (person != null) {
				add(start, end, EntityType.PERSON, Mention.Evidence.GAZETTEER, null, List.of());
			}
			return end;
		}

		/**
		 * A demonym is not a name, unless it starts an organisation's ("Chinese Communist
		 * Party").
		 */
		private int demonym(int start, int end) {
			this.countries.add(MentionFinder.this.gazetteer.demonym(key(start, end)));
			if (end < this.words.size() && nameLike(this.words.get(end)) && !startsCue(end)) {
				int chunkEnd = chunkEnd(end);
				if (hasOrganisationWord(end, chunkEnd)) {
					add(start, chunkEnd, EntityType.ORGANIZATION, Mention.Evidence.CUE, null, List.of());
					return chunkEnd;
				}
			}
			return end;
		}

		/** A title, and the name after it if there is one. */
		private int titled(int start, int end, boolean capitalised) {
			if (end >= this.words.size() || !nameLike(this.words.get(end)) || startsCue(end)) {
				return end;
			}
			int chunkEnd = chunkEnd(end);
			if (!capitalised) {
				// "governor Shaktikanta Das": a lower-case role only before a person's
				// name.
				if (!hasOrganisationWord(end, chunkEnd) && !calendar(end, chunkEnd) && knownAt(end) == 0) {
					add(end, chunkEnd, EntityType.PERSON, Mention.Evidence.CUE, null, List.of());
					return chunkEnd;
				}
				return end;
			}
			if (hasOrganisationWord(end, chunkEnd)) {
				// "General Motors", "Prince's Trust": the title word is part of the name.
				add(start, chunkEnd, EntityType.ORGANIZATION, Mention.Evidence.CUE, null, List.of());
			}
			else if (!calendar(end, chunkEnd)) {
				add(end, chunkEnd, EntityType.PERSON, Mention.Evidence.CUE, null, List.of());
			}
			return chunkEnd;
		}

		private java.util.Optional<Mention> classify(int start, int end) {
			int length = end - start;
			if (calendar(start, end)) {
				return java.util.Optional.empty();
			}
			if (length == 1 && MentionFinder.this.gazetteer.organisationWord(this.words.get(start))) {
				// "Police", "United": a lone organisation word names nothing by itself.
				return mention(start, end, null, Mention.Evidence.NONE);
			}
			if (hasOrganisationWord(start, end) || organisationNounNextTo(start, end)) {
				return mention(start, end, EntityType.ORGANIZATION, Mention.Evidence.CUE);
			}
			if (length > 1 && hasPlaceWordAtEdge(start, end)) {
				return mention(start, end, EntityType.LOCATION, Mention.Evidence.CUE);
			}
			String first = this.words.get(start);
			if (length == 1 && acronym(first)) {
				return NOT_ORGANISATIONS.contains(first) ? java.util.Optional.empty()
						: mention(start, end, EntityType.ORGANIZATION, Mention.Evidence.SHAPE);
			}
			if (placeContext(start, end)) {
				return mention(start, end, EntityType.LOCATION, Mention.Evidence.CUE);
			}
			boolean plainWords = plainWords(start, end);
			int given = firstGivenName(start, end);
			if (plainWords && given >= 0 && end - given >= 2 && end - given <= 3
					&& (end - given == 2 || !common(end - 1, end))) {
				// "Co-founder Peter Carlsson": leading role words are not part of the
				// name.
				return mention(given, end, EntityType.PERSON, Mention.Evidence.SHAPE);
			}
			if (length >= 2 && length <= 4 && plainWords && speechContext(start, end) && !common(start, end)) {
				return mention(start, end, EntityType.PERSON, Mention.Evidence.SHAPE);
			}
			if (length == 1 && plainWords && !common(start, end) && !possessiveAfter(end)) {
				if (speechContext(start, end)) {
					// A lone unknown name that speaks is an organisation ("Basarnas
					// said"),
					// unless it turns out to be the surname of a person named in full.
					return mention(start, end, EntityType.ORGANIZATION, Mention.Evidence.SHAPE);
				}
				if (start >= 1 && PLACE_PREPOSITIONS.contains(this.words.get(start - 1))) {
					return mention(start, end, EntityType.LOCATION, Mention.Evidence.SHAPE);
				}
			}
			if (length >= 2 && length <= 3 && plainWords && !common(start, end)) {
				return mention(start, end, EntityType.PERSON, Mention.Evidence.SHAPE);
			}
			return mention(start, end, null, Mention.Evidence.NONE);
		}

		/**
		 * The first token from {@code start} that is a given name, -1 if none or after
		 * common words only.
		 */
		private int firstGivenName(int start, int end) {
			for (int i = start; i < end; i++) {
				if (MentionFinder.this.gazetteer.givenName(this.words.get(i))) {
					return i;
				}
				if (MentionFinder.this.ranks.rank(this.words.get(i)) > COMMON_AT_START) {
					return -1;
				}
			}
			return -1;
		}

		private boolean possessiveAfter(int end) {
			return end < this.words.size() && this.words.get(end).length() == 2
					&& WordTokenizer.isApostrophe(this.words.get(end).charAt(0));
		}

		private boolean organisationNounNextTo(int start, int end) {
			if ((start >= 1 && ORGANISATION_NOUNS.contains(this.words.get(start - 1)))
					|| (end < this.words.size() && ORGANISATION_NOUNS.contains(this.words.get(end)))) {
				return true;
			}
			// "Northvolt, the Swedish battery maker, ...": an apposition that says what
			// it is.
			if (end + 2 < this.words.size() && this.words.get(end).equals(",")
					&& Set.of("the", "a", "an").contains(this.words.get(end + 1))) {
				for (int i = end + 2; i < Math.min(this.words.size(), end + 7); i++) {
					String word = this.words.get(i);
					if (ORGANISATION_NOUNS.contains(word)) {
						return true;
					}
					if (isPunctuation(word)) {
						return false;
					}
				}
			}
			return false;
		}

		private boolean hasPlaceWordAtEdge(int start, int end) {
			return MentionFinder.this.gazetteer.placeWord(this.words.get(end - 1))
					|| MentionFinder.this.gazetteer.placeWord(this.words.get(start));
		}

		private java.util.Optional<Mention> mention(int start, int end, EntityType type, Mention.Evidence evidence) {
			return java.util.Optional.of(new Mention(this.sentence, start, end, this.words.subList(start, end),
					surface(this.source, start, end), type, evidence, null, List.of()));
		}

		private void add(int start, int end, EntityType type, Mention.Evidence evidence, String canonical,
				List<String> codes) {
			this.mentions.add(new Mention(this.sentence, start, end, this.words.subList(start, end),
					surface(this.source, start, end), type, evidence, canonical, codes));
		}

		/**
		 * Where a capitalised name that starts at {@code start} ends: it goes on over
		 * capitalised words and connectors between them, and stops before a title.
		 */
		private int chunkEnd(int start) {
			int end = start + 1;
			int j = start + 1;
			while (j < this.words.size()) {
				String word = this.words.get(j);
				if (nameLike(word) && !startsTitle(j) && !CALENDAR.contains(word)) {
					j++;
					end = j;
					continue;
				}
				// "van der Werff", "Women's Tennis Association": connectors and
				// possessives
				// go on only when a name follows them.
				int next = j;
				while (next < this.words.size() && next - j < 2 && (CONNECTORS.contains(this.words.get(next))
						|| (next == j && possessive(this.words.get(next))))) {
					next++;
				}
				if (next > j && next < this.words.size() && nameLike(this.words.get(next)) && !startsTitle(next)
						&& !CALENDAR.contains(this.words.get(next))) {
					j = next;
				}
				else {
					break;
				}
			}
			boolean organisation = hasOrganisationWord(start, end) || hasPlaceWordAtEdge(start, end);
			for (int k = start + 1; k < end; k++) {
				if ((this.words.get(k).equals("and") || this.words.get(k).equals("&")) && hasOrganisationWord(start, k)
						&& hasOrganisationWord(k + 1, end)) {
					// "Vertex Pharmaceuticals and CRISPR Therapeutics": two
					// organisations.
					return k;
				}
				if (ORGANISATION_CONNECTORS.contains(this.words.get(k)) || possessive(this.words.get(k))) {
					// "Russia and Ukraine", "Gonzalez of New Mexico", "Putin’s Kremlin":
					// only
					// the names of organisations and places span these; and "Sarah Okafor
					// of
					// the University of Cambridge" is a person, then an organisation.
					if (!organisation || (MentionFinder.this.gazetteer.givenName(this.words.get(start))
							&& k - start <= 3 && !hasOrganisationWord(start, k))) {
						return k;
					}
					break;
				}
			}
			return end;
		}

		/** A lower-case title or role of one to three words ends at {@code i}. */
		private boolean lowerCaseTitleEndsAt(int i) {
			String key = this.words.get(i);
			for (int length = 1; length <= 3 && i - length + 1 >= 0; length++) {
				if (length > 1) {
					key = this.words.get(i - length + 1) + " " + key;
				}
				if (MentionFinder.this.gazetteer.lowerCaseTitle(key)) {
					return true;
				}
			}
			return false;
		}

		private int knownAt(int start) {
			return longestKnown(start);
		}

		private int longestKnown(int start) {
			return longest(start,
					(key) -> !MentionFinder.this.gazetteer.places(key).isEmpty()
							|| MentionFinder.this.gazetteer.organisation(key) != null
							|| MentionFinder.this.gazetteer.person(key) != null);
		}

		private int longest(int start, java.util.function.Predicate<String> known) {
			int max = Math.min(this.words.size() - start, MentionFinder.this.gazetteer.longestKey());
			StringBuilder key = new StringBuilder();
			int found = 0;
			for (int length = 1; length <= max; length++) {
				if (length > 1) {
					key.append(' ');
				}
				key.append(this.words.get(start + length - 1));
				String candidate = key.toString();
				if (known.test(candidate)) {
					found = length;
				}
				if (!MentionFinder.this.gazetteer.prefix(candidate)) {
					break;
				}
			}
			return found;
		}

		private boolean startsTitle(int i) {
			return longest(i, MentionFinder.this.gazetteer::personTitle) > 0;
		}

		/**
		 * A title or demonym, which starts something new rather than continuing a name.
		 */
		private boolean startsCue(int i) {
			return startsTitle(i) || longest(i, (key) -> MentionFinder.this.gazetteer.demonym(key) != null) > 0;
		}

		private boolean hasOrganisationWord(int start, int end) {
			for (int i = start; i < end; i++) {
				if (MentionFinder.this.gazetteer.organisationWord(this.words.get(i))) {
					return true;
				}
			}
			return false;
		}

		private boolean calendar(int start, int end) {
			return end - start == 1 && CALENDAR.contains(this.words.get(start));
		}

		private boolean placeContext(int start, int end) {
			if (end < this.words.size() && PLACE_NOUNS.contains(this.words.get(end))) {
				return true;
			}
			// "Boca Chica, Texas": a name followed by the region or country it lies in.
			if (end + 1 < this.words.size() && this.words.get(end).equals(",")) {
				int known = longest(end + 1,
						(key) -> MentionFinder.this.gazetteer.places(key)
							.stream()
							.anyMatch((place) -> place.kind() != Gazetteer.Place.Kind.CITY));
				int after = end + 1 + known;
				if (known > 0 && (after == this.words.size()
						|| (!nameLike(this.words.get(after)) && !possessive(this.words.get(after))))) {
					return true;
				}
			}
			return start >= 2 && PLACE_PREFIXES.contains(lower(start - 2) + " " + lower(start - 1));
		}

		private boolean speechContext(int start, int end) {
			if (end < this.words.size() && SPEECH_AFTER.contains(this.words.get(end))) {
				return true;
			}
			if (end + 1 < this.words.size() && this.words.get(end).equals(",")
					&& SPEECH_AFTER.contains(this.words.get(end + 1))) {
				return true;
			}
			return (start >= 1 && SPEECH_BEFORE.contains(lower(start - 1)))
					|| (start >= 2 && SPEECH_BEFORE.contains(lower(start - 2) + " " + lower(start - 1)));
		}

		/**
		 * Capitalised words of letters (and name particles such as "van der" inside), no
		 * all-capitals: the shape of a person's name.
		 */
		private boolean plainWords(int start, int end) {
			for (int i = start; i < end; i++) {
				String word = this.words.get(i);
				boolean particle = i > start && i < end - 1 && CONNECTORS.contains(word)
						&& !ORGANISATION_CONNECTORS.contains(word);
				if (!particle
						&& (!nameLike(word) || acronym(word) || !Character.isLetter(word.charAt(word.length() - 1)))) {
					return false;
				}
			}
			return true;
		}

		private boolean common(int start, int end) {
			for (int i = start; i < end; i++) {
				if (MentionFinder.this.ranks.rank(this.words.get(i)) <= COMMON_IN_NAME
						&& !MentionFinder.this.gazetteer.givenName(this.words.get(i))) {
					return true;
				}
			}
			return false;
		}

		/**
		 * A capitalised word that opens a sentence is an ordinary word ("Most soldiers")
		 * unless it is written capitalised elsewhere too or is a given name.
		 */
		private boolean commonAtStart(String word) {
			return MentionFinder.this.ranks.rank(word) <= COMMON_AT_START && !this.capitalisedInside.contains(word)
					&& !MentionFinder.this.gazetteer.givenName(word);
		}

		/** A city named like a common word ("Split", "Reading") opening a sentence. */
		private boolean ambiguousWord(String word, boolean sentenceStart) {
			return sentenceStart && commonAtStart(word);
		}

		private String key(int start, int end) {
			return String.join(" ", this.words.subList(start, end));
		}

		private String lower(int i) {
			return this.words.get(i).toLowerCase(Locale.ROOT);
		}

	}

	private static boolean possessive(String word) {
		return word.length() == 2 && WordTokenizer.isApostrophe(word.charAt(0))
				&& (word.charAt(1) == 's' || word.charAt(1) == 'S');
	}

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
