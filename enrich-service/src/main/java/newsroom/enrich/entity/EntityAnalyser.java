package newsroom.enrich.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import newsroom.enrich.analysis.Analyser;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.EntitySpan;
import newsroom.enrich.analysis.Sentence;
import newsroom.enrich.analysis.Token;
import newsroom.enrich.text.WordRanks;
import newsroom.enrich.text.WordTokenizer;
import newsroom.events.EntityType;
import org.jspecify.annotations.Nullable;

/**
 * Finds the people, organisations and places an English article names, from its body only
 * (never page furniture or an author bio). The rules ({@link MentionFinder}: gazetteers,
 * titles, cue words) and the article's own clues become features of a trained
 * {@link NameTagger}, which decides where each name starts and ends and what it is; any
 * operator-supplied {@link NameFinders} models override it where they find a name; then
 * mentions are linked into entities with salience ({@link EntityResolver}). Other
 * languages get no entities. Runs after the text stage.
 */
public final class EntityAnalyser implements Analyser {

	private static final int PERSON = 0;

	private static final int ORGANISATION = 1;

	private static final Pattern SCORE = Pattern.compile("\\d+([-\u2013/:]\\d+)+");

	private static final Set<String> HOME_NATIONS = Set.of("England", "Scotland", "Wales", "Northern Ireland");

	private final Gazetteer gazetteer;

	private final MentionFinder rules;

	private final TokenFeatures features;

	private final NameTagger tagger;

	private final NameFinders models;

	private final EntityResolver resolver;

	/**
	 * Create the analyser with the shipped tagger model.
	 * @param gazetteer the shared gazetteer
	 * @param ranks the shared word ranks
	 * @param models trained name-finder models, {@link NameFinders#NONE} for none
	 */
	public EntityAnalyser(Gazetteer gazetteer, WordRanks ranks, NameFinders models) {
		this(gazetteer, ranks, Model.TAGGER, models);
	}

	EntityAnalyser(Gazetteer gazetteer, WordRanks ranks, NameTagger tagger, NameFinders models) {
		this.gazetteer = gazetteer;
		this.rules = new MentionFinder(gazetteer, ranks);
		this.features = new TokenFeatures(gazetteer, ranks);
		this.tagger = tagger;
		this.models = models;
		this.resolver = new EntityResolver(gazetteer.cueWords());
	}

	@Override
	public String name() {
		return "entities";
	}

	@Override
	public void analyse(Document document) {
		if (!document.english() || document.body().isEmpty()) {
			return;
		}
		List<Sentence> body = document.body();
		Set<String> countries = new HashSet<>();
		List<Mention> mentions = tagged(body, this.rules.find(body, countries), countries);
		if (this.models.size() > 0) {
			addModelNames(body, mentions);
		}
		List<Mention> typed = EntityResolver.propagateTypes(mentions);
		List<EntitySpan> spans = new ArrayList<>();
		for (Mention mention : typed) {
			if (mention.type() != null) {
				List<Token> tokens = body.get(mention.sentence()).tokens();
				spans.add(new EntitySpan(tokens.get(mention.start()).start(), tokens.get(mention.end() - 1).end(),
						mention.type()));
			}
		}
		document.setEntitySpans(spans);
		List<Mention> all = new ArrayList<>(typed);
		all.addAll(headlineOnly(document.title(), body, countries));
		document.setEntities(this.resolver.resolve(all, body.size(), document.title(), Set.copyOf(countries)));
	}

	/**
	 * The names of a headline written as a sentence ("Merkel visits Paris for talks with
	 * Macron") that the body does not write: a short item may name its subject only
	 * there. A headline in capitals or with every word capitalised gives a tagger no case
	 * to read, so it is left alone. Its names count as mentions in the first sentence.
	 */
	private List<Mention> headlineOnly(String title, List<Sentence> body, Set<String> countries) {
		List<Token> tokens = WordTokenizer.tokenize(title, 0);
		if (!sentenceCase(tokens)) {
			return List.of();
		}
		List<Sentence> headline = List.of(new Sentence(0, title.length(), title, -1, tokens));
		List<Mention> names = tagged(headline, this.rules.find(headline, countries), countries).stream()
			.filter((mention) -> mention.type() != null)
			.toList();
		if (names.isEmpty()) {
			return names;
		}
		List<String> bodyWords = new ArrayList<>();
		body.forEach((sentence) -> sentence.tokens()
			.forEach((token) -> bodyWords.add(token.text().toLowerCase(Locale.ROOT))));
		return names.stream()
			.filter((mention) -> Collections.indexOfSubList(bodyWords,
					mention.words().stream().map((word) -> word.toLowerCase(Locale.ROOT)).toList()) < 0)
			.toList();
	}

	/** Most words after the first in lower case, as in a sentence. */
	private static boolean sentenceCase(List<Token> tokens) {
		int words = 0;
		int capitalised = 0;
		for (int i = 1; i < tokens.size(); i++) {
			String word = tokens.get(i).text();
			if (Character.isLetter(word.charAt(0))) {
				words++;
				capitalised += Character.isUpperCase(word.charAt(0)) ? 1 : 0;
			}
		}
		return words >= 2 && 2 * capitalised <= words;
	}

	/** The tagger's names, sentence by sentence, with the rules as its evidence. */
	private List<Mention> tagged(List<Sentence> body, List<Mention> ruleMentions, Set<String> countries) {
		List<List<Mention>> bySentence = new ArrayList<>(body.size());
		for (int s = 0; s < body.size(); s++) {
			bySentence.add(new ArrayList<>());
		}
		ruleMentions.forEach((mention) -> bySentence.get(mention.sentence()).add(mention));
		ArticleClues clues = new ArticleClues(body, this.gazetteer);
		List<int[]> spans = new ArrayList<>();
		NameTagger.History history = new NameTagger.History();
		List<Mention> mentions = new ArrayList<>();
		for (int s = 0; s < body.size(); s++) {
			Sentence sentence = body.get(s);
			NameTagger.SentenceFeatures sentenceFeatures = this.features.sentence(sentence.tokens(), bySentence.get(s),
					clues);
			int[] labels = this.tagger.tag(sentenceFeatures, history);
			List<int[]> sides = ResultsLine.sides(sentence.tokens());
			if (!sides.isEmpty()) {
				Arrays.fill(labels, NameTagger.OUTSIDE);
				for (int[] side : sides) {
					labels[side[0]] = NameTagger.label(ORGANISATION, true);
					Arrays.fill(labels, side[0] + 1, side[1], NameTagger.label(ORGANISATION, false));
				}
			}
			int i = 0;
			while (i < labels.length) {
				int type = NameTagger.type(labels[i]);
				if (type < 0) {
					i++;
					continue;
				}
				NameSpan span = nameSpan(sentence, labels, i, clues);
				if (span.kept()) {
					mentions.add(toMention(s, sentence, i, span.end(), type, countries));
				}
				spans.add(new int[] { s, i, span.end() });
				i = span.next();
			}
		}
		// Where the tagger saw no name, the rules' surest findings stand: a person named
		// right after a title (also over a MISC span: "Ukrainian President Volodymyr
		// Zelensky" is not one name), and a place the gazetteer knows.
		for (Mention rule : ruleMentions) {
			boolean titled = rule.type() == EntityType.PERSON && rule.evidence() == Mention.Evidence.CUE;
			boolean known = rule.type() == EntityType.LOCATION && rule.evidence() == Mention.Evidence.GAZETTEER;
			boolean named = mentions.stream()
				.anyMatch((m) -> m.type() != null && m.overlaps(rule.sentence(), rule.start(), rule.end()));
			boolean tagged = spans.stream().anyMatch((span) -> rule.overlaps(span[0], span[1], span[2]));
			if ((titled && !named) || (known && !tagged)) {
				mentions.add(rule);
			}
		}
		return mentions;
	}

	/**
	 * Where the tagger's name that begins at {@code i} ends, whether it is a name at all,
	 * and where the next one may begin.
	 */
	private NameSpan nameSpan(Sentence sentence, int[] labels, int i, ArticleClues clues) {
		int type = NameTagger.type(labels[i]);
		List<Token> tokens = sentence.tokens();
		int end = i + 1;
		// Two people are never written side by side without a word between them:
		// "Vladimir" B-PER, "Putin" B-PER is one name.
		while (end < labels.length && NameTagger.type(labels[end]) == type
				&& (!NameTagger.begins(labels[end]) || type == PERSON)) {
			end++;
		}
		int next = end;
		// A person's name holds no lower-case word but a connector ("van", "bin"): in
		// "Erling Haaland put Norway ahead" the tagger may run one name over the verb.
		for (int k = i + 1; type == PERSON && k < end; k++) {
			String word = tokens.get(k).text();
			if (Character.isLowerCase(word.charAt(0)) && !this.gazetteer.cueWords().connectors().contains(word)) {
				end = k;
				next = k + 1;
			}
		}
		// Nor does a name end in a score or a date ("Sri Lanka 244-8").
		while (end - i > 1 && SCORE.matcher(tokens.get(end - 1).text()).matches()) {
			end--;
		}
		boolean kept = end - i > 1 || !commonWordOpeningSentence(sentence, i, clues);
		return new NameSpan(end, next, kept);
	}

	private record NameSpan(int end, int next, boolean kept) {
	}

	/**
	 * A common word that only opens a sentence ("Split decisions are rare"), written
	 * capitalised nowhere else and no given name, is a word, whatever the tagger says:
	 * common meaning frequent and written in lower case by WordNet, since a frequency
	 * list counts "putin" and "milan" too. A country, a region or a known organisation is
	 * a name wherever it stands ("Germany said...", "Hamas said..."), and so is the side
	 * that opens a row of results ("Arsenal 2 Tottenham 1").
	 */
	private boolean commonWordOpeningSentence(Sentence sentence, int start, ArticleClues clues) {
		if (start != firstWord(sentence)) {
			return false;
		}
		String word = sentence.tokens().get(start).text();
		boolean allCapitals = word.equals(word.toUpperCase(Locale.ROOT));
		return !allCapitals && !ResultsLine.opensRow(sentence.tokens(), start)
				&& this.gazetteer.commonWord(word.toLowerCase(Locale.ROOT)) && !clues.capitalisedInside(word)
				&& !this.gazetteer.givenName(word) && !countryOrRegion(word)
				&& this.gazetteer.organisation(word) == null;
	}

	private boolean countryOrRegion(String word) {
		Gazetteer.Place.Kind kind = placeKind(word);
		return kind != null && kind != Gazetteer.Place.Kind.CITY;
	}

	/**
	 * A country, or one of the four nations of the United Kingdom, which field sides of
	 * their own.
	 */
	private boolean country(String name) {
		Gazetteer.Place.Kind kind = placeKind(name);
		return kind == Gazetteer.Place.Kind.COUNTRY || (kind != null && HOME_NATIONS.contains(name));
	}

	/** What the likeliest place of the name is, {@code null} for no place. */
	private Gazetteer.Place.@Nullable Kind placeKind(String name) {
		List<Gazetteer.Place> places = this.gazetteer.places(name);
		return places.isEmpty() ? null : places.get(0).kind();
	}

	private static int firstWord(Sentence sentence) {
		List<Token> tokens = sentence.tokens();
		int i = 0;
		while (i < tokens.size() && !Character.isLetterOrDigit(tokens.get(i).text().charAt(0))) {
			i++;
		}
		return i;
	}

	private Mention toMention(int s, Sentence sentence, int start, int end, int type, Set<String> countries) {
		EntityType entityType = switch (NameTagger.TYPES[type]) {
			case "PER" -> EntityType.PERSON;
			case "ORG" -> EntityType.ORGANIZATION;
			case "LOC" -> EntityType.LOCATION;
			// A MISC name (an event, a nationality, a work) is kept untyped: it takes a
			// type only where the same words are typed elsewhere in the article.
			default -> null;
		};
		List<String> words = sentence.tokens().subList(start, end).stream().map(Token::text).toList();
		String key = String.join(" ", words);
		String canonical = null;
		List<String> codes = List.of();
		if (entityType == EntityType.ORGANIZATION && country(key)) {
			// A country is a place also where it names the side that plays for it, as
			// CoNLL-2003 and WikiGold type it ("Pakistan beat Sri Lanka"); a club is an
			// organisation.
			entityType = EntityType.LOCATION;
		}
		if (entityType == EntityType.LOCATION) {
			List<Gazetteer.Place> places = this.gazetteer.places(key);
			if (!places.isEmpty()) {
				canonical = places.get(0).name();
				codes = places.stream().map(Gazetteer.Place::countryCode).filter(Objects::nonNull).distinct().toList();
				if (places.get(0).kind() != Gazetteer.Place.Kind.CITY && places.get(0).countryCode() != null) {
					countries.add(places.get(0).countryCode());
				}
			}
		}
		else if (entityType == EntityType.ORGANIZATION) {
			canonical = this.gazetteer.organisation(key);
		}
		return new Mention(s, start, end, words, RuleTokens.surface(sentence, start, end), entityType,
				Mention.Evidence.MODEL, canonical, codes);
	}

	/**
	 * Names from operator-supplied models, in place of the tagger's where they overlap.
	 */
	private void addModelNames(List<Sentence> body, List<Mention> mentions) {
		try {
			for (int s = 0; s < body.size(); s++) {
				Sentence sentence = body.get(s);
				List<String> words = sentence.tokens().stream().map(Token::text).toList();
				for (Mention found : this.models.find(s, words,
						(start, end) -> RuleTokens.surface(sentence, start, end))) {
					// An operator adds a model for names this tagger gets wrong: it wins.
					mentions.removeIf((m) -> m.overlaps(found.sentence(), found.start(), found.end()));
					mentions.add(found);
				}
			}
		}
		finally {
			this.models.clear();
		}
	}

	/** The shipped tagger, read once per class loader on first use. */
	private static final class Model {

		static final NameTagger TAGGER = NameTagger.load();

	}

}
