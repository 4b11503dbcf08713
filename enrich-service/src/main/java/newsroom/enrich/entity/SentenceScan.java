package newsroom.enrich.entity;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import newsroom.events.EntityType;

/**
 * One pass of the rules over one sentence, left to right: at each name-like token the
 * longest of a gazetteer name, a demonym or a title wins; otherwise the capitalised chunk
 * from there is classified. Lower-case roles before a name ("governor Shaktikanta Das")
 * are read too.
 */
final class SentenceScan {

	private final SentenceCues sentence;

	private final NameChunker chunker;

	private final MentionClassifier classifier;

	private final List<Mention> mentions;

	private final Set<String> countries;

	/**
	 * @param sentence the sentence and its look-ups
	 * @param mentions collects the mentions found
	 * @param countries collects the country codes that demonyms and places point at
	 */
	SentenceScan(SentenceCues sentence, List<Mention> mentions, Set<String> countries) {
		this.sentence = sentence;
		this.chunker = new NameChunker(sentence);
		this.classifier = new MentionClassifier(sentence);
		this.mentions = mentions;
		this.countries = countries;
	}

	void run() {
		int first = RuleTokens.firstWord(this.sentence.words());
		int i = 0;
		while (i < this.sentence.size()) {
			if (!this.sentence.nameLike(i)) {
				int name = (i + 1 < this.sentence.size() && this.sentence.word(i + 1).equals(",")) ? i + 2 : i + 1;
				boolean beforeName = name < this.sentence.size() && this.sentence.nameLike(name);
				// "governor Shaktikanta Das", "chief executive, Anko van der Werff,"
				i = (beforeName && this.sentence.lowerCaseTitleEndsAt(i)) ? titled(i, name, false) : i + 1;
				continue;
			}
			i = step(i, i == first);
		}
	}

	/** Handle the name-like token at {@code i}; answer where to go on. */
	private int step(int i, boolean sentenceStart) {
		int known = this.sentence.longestKnown(i);
		int demonym = this.sentence.longestDemonym(i);
		int title = this.sentence.longestTitle(i);
		if (title == 0 && sentenceStart) {
			// "Glaciologist Matthias Huss said": a role capitalised by the sentence.
			title = this.sentence.longest(i,
					(key) -> this.sentence.gazetteer().lowerCaseTitle(key.toLowerCase(Locale.ROOT)));
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
		if (sentenceStart && this.sentence.commonAtStart(this.sentence.word(i))
				&& !(this.sentence.ranks().rank(this.sentence.word(i)) > SentenceCues.FUNCTION_WORDS
						&& this.sentence.hasOrganisationWord(i, this.chunker.end(i)))) {
			// "Most soldiers", "The Met Office"; but "Reserve Bank of India".
			return i + 1;
		}
		int end = this.chunker.end(i);
		this.classifier.classify(i, end).ifPresent(this.mentions::add);
		return end;
	}

	/** A gazetteer name from {@code start} to {@code end}. */
	private int known(int start, int end, boolean sentenceStart) {
		if (this.sentence.calendar(start, end)) {
			return end;
		}
		if (end < this.sentence.size() && this.sentence.nameLike(end) && !this.sentence.startsCue(end)) {
			// "Washington Post", "Moscow State University", "Jordan Henderson": the
			// known name is only the start of a longer one, when a cue says so.
			int longer = this.chunker.end(start);
			Optional<Mention> whole = this.classifier.classify(start, longer);
			if (whole.isPresent() && whole.get().type() != null && (whole.get().evidence() == Mention.Evidence.CUE
					|| this.sentence.gazetteer().givenName(this.sentence.word(start)))) {
				this.mentions.add(whole.get());
				return longer;
			}
		}
		String key = this.sentence.key(start, end);
		Gazetteer gazetteer = this.sentence.gazetteer();
		String organisation = gazetteer.organisation(key);
		List<Gazetteer.Place> places = gazetteer.places(key);
		if (!places.isEmpty() && (organisation == null || places.get(0).kind() == Gazetteer.Place.Kind.COUNTRY)) {
			boolean onlyCity = places.get(0).kind() == Gazetteer.Place.Kind.CITY;
			if (onlyCity && end - start == 1 && sentenceStart
					&& this.sentence.commonAtStart(this.sentence.word(start))) {
				// A city named like a common word ("Split", "Reading") opening a
				// sentence.
				return start + 1;
			}
			place(start, end, places);
		}
		else if (organisation != null) {
			add(start, end, EntityType.ORGANIZATION, Mention.Evidence.GAZETTEER, organisation, List.of());
		}
		else if (gazetteer.person(key) != null) {
			add(start, end, EntityType.PERSON, Mention.Evidence.GAZETTEER, null, List.of());
		}
		return end;
	}

	private void place(int start, int end, List<Gazetteer.Place> places) {
		List<String> codes = places.stream()
			.map(Gazetteer.Place::countryCode)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		if (places.get(0).kind() != Gazetteer.Place.Kind.CITY && places.get(0).countryCode() != null) {
			// A country or a region of one ("Ontario"): the article is about it.
			this.countries.add(places.get(0).countryCode());
		}
		add(start, end, EntityType.LOCATION, Mention.Evidence.GAZETTEER, places.get(0).name(), codes);
	}

	/**
	 * A demonym is not a name, unless it starts an organisation's ("Chinese Communist
	 * Party").
	 */
	private int demonym(int start, int end) {
		this.countries.add(this.sentence.gazetteer().demonym(this.sentence.key(start, end)));
		if (end < this.sentence.size() && this.sentence.nameLike(end) && !this.sentence.startsCue(end)) {
			int chunkEnd = this.chunker.end(end);
			if (this.sentence.hasOrganisationWord(end, chunkEnd)) {
				add(start, chunkEnd, EntityType.ORGANIZATION, Mention.Evidence.CUE, null, List.of());
				return chunkEnd;
			}
		}
		return end;
	}

	/** A title, and the name after it if there is one. */
	private int titled(int start, int end, boolean capitalised) {
		if (end >= this.sentence.size() || !this.sentence.nameLike(end) || this.sentence.startsCue(end)) {
			return end;
		}
		int chunkEnd = this.chunker.end(end);
		if (!capitalised) {
			// "governor Shaktikanta Das": a lower-case role only before a person's name.
			if (!this.sentence.hasOrganisationWord(end, chunkEnd) && !this.sentence.calendar(end, chunkEnd)
					&& this.sentence.longestKnown(end) == 0) {
				add(end, chunkEnd, EntityType.PERSON, Mention.Evidence.CUE, null, List.of());
				return chunkEnd;
			}
			return end;
		}
		if (this.sentence.hasOrganisationWord(end, chunkEnd)) {
			// "General Motors", "Prince's Trust": the title word is part of the name.
			add(start, chunkEnd, EntityType.ORGANIZATION, Mention.Evidence.CUE, null, List.of());
		}
		else if (!this.sentence.calendar(end, chunkEnd)) {
			add(end, chunkEnd, EntityType.PERSON, Mention.Evidence.CUE, null, List.of());
		}
		return chunkEnd;
	}

	private void add(int start, int end, EntityType type, Mention.Evidence evidence, String canonical,
			List<String> codes) {
		this.mentions.add(this.sentence.mention(start, end, type, evidence, canonical, codes));
	}

}
