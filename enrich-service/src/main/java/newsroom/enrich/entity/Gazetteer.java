package newsroom.enrich.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import newsroom.enrich.analysis.Token;
import newsroom.enrich.text.WordTokenizer;

/**
 * The name lists the entity analyser matches against, read once from
 * {@code src/main/resources/gazetteer} (sources and licences in its
 * {@code ATTRIBUTION.md}): countries with their ISO 3166-1 codes and aliases, demonyms,
 * regions, cities, organisations, a few public figures, given names, title and
 * organisation cue words, and the rules' small {@link CueWords} lists. Immutable and
 * shared between threads.
 *
 * <p>
 * Every name is kept under its key: its tokens, as {@link WordTokenizer} splits them,
 * joined by single spaces, so that a run of tokens in an article is looked up directly.
 */
public final class Gazetteer {

	private static final String FOLDER = "/gazetteer/";

	/**
	 * Roles that, written in lower case right before a name, make it a person ("said
	 * spokeswoman Ana Ruiz"), besides the lower-case forms of the titles.
	 */
	private static final Set<String> ROLES = Set.of("spokesman", "spokeswoman", "spokesperson", "analyst", "economist",
			"striker", "goalkeeper", "midfielder", "defender", "forward", "winger", "coach", "manager", "head coach",
			"chief executive", "chief executive officer", "co-founder", "founder", "chair", "head", "lawyer",
			"attorney", "author", "novelist", "singer", "actor", "actress", "director", "producer", "researcher",
			"scientist", "astronomer", "glaciologist", "historian", "professor", "teacher", "head teacher",
			"headteacher", "resident", "driver", "pilot", "owner", "captain", "president", "minister", "governor",
			"mayor", "senator", "secretary", "chancellor", "premier", "leader", "boss", "chief");

	/**
	 * Everything the lists say of each key, in one table: the rules and the tagger ask
	 * several lists about the same run of tokens, token after token, and these tables are
	 * far larger than the caches, so one probe of one table costs less than one of each
	 * of a dozen.
	 */
	private final Map<String, GazetteerEntry> entries;

	private final int longestKey;

	private final CueWords cueWords;

	/** Frequent words that WordNet writes in lower case ({@code common-words.txt}). */
	private final Set<String> commonWords;

	private Gazetteer(Map<String, List<Place>> places, Map<String, String> demonyms, Map<String, String> organisations,
			Map<String, String> people, Set<String> givenNames, Set<String> personTitles, Set<String> organisationWords,
			Set<String> placeWords, Set<String> nameParts, Map<String, String> wordNet, CueWords cueWords,
			Set<String> commonWords) {
		this.cueWords = cueWords;
		this.commonWords = commonWords;
		Map<String, GazetteerEntry> entries = new HashMap<>();
		places.forEach((key, candidates) -> entry(entries, key).places = candidates);
		demonyms.forEach((key, code) -> entry(entries, key).demonym = code);
		organisations.forEach((key, name) -> entry(entries, key).organisation = name);
		people.forEach((key, name) -> entry(entries, key).person = name);
		wordNet.forEach((key, classes) -> entry(entries, key).wordNet = classes);
		personTitles.forEach((key) -> entry(entries, key).personTitle = true);
		givenNames.forEach((word) -> entry(entries, word).givenName = true);
		nameParts.forEach((word) -> entry(entries, word).namePart = true);
		organisationWords.forEach((word) -> entry(entries, word).organisationWord = true);
		placeWords.forEach((word) -> entry(entries, word).placeWord = true);
		Set<String> lower = new HashSet<>();
		for (String title : personTitles) {
			lower.add(title.toLowerCase(Locale.ROOT));
		}
		lower.addAll(ROLES);
		lower.forEach((key) -> entry(entries, key).lowerCaseTitle = true);
		int longest = 1;
		Set<String> prefixes = new HashSet<>();
		for (Set<String> keys : List.of(places.keySet(), demonyms.keySet(), organisations.keySet(), people.keySet(),
				personTitles, lower, wordNet.keySet())) {
			for (String key : keys) {
				longest = Math.max(longest, key.split(" ").length);
				for (int space = key.indexOf(' '); space > 0; space = key.indexOf(' ', space + 1)) {
					prefixes.add(key.substring(0, space));
				}
			}
		}
		this.longestKey = longest;
		prefixes.forEach((prefix) -> entry(entries, prefix).prefix = true);
		this.entries = entries;
		for (Set<String> keys : List.of(places.keySet(), organisations.keySet(), people.keySet(), demonyms.keySet(),
				personTitles)) {
			keys.forEach((key) -> entries.get(key).kind = kindOf(key));
		}
	}

	private static GazetteerEntry entry(Map<String, GazetteerEntry> entries, String key) {
		return entries.computeIfAbsent(key, (k) -> new GazetteerEntry());
	}

	private String kindOf(String key) {
		List<Place> places = places(key);
		String organisation = organisation(key);
		if (!places.isEmpty()) {
			return places.get(0).kind().name() + ((organisation != null) ? "+ORG" : "");
		}
		if (organisation != null) {
			return "ORG";
		}
		if (person(key) != null) {
			return "PERSON";
		}
		return (demonym(key) != null) ? "DEMONYM" : "TITLE";
	}

	/**
	 * Read the gazetteer from the classpath.
	 * @return the gazetteer
	 */
	public static Gazetteer load() {
		Map<String, List<Place>> places = readPlaces();
		Map<String, String> demonyms = new HashMap<>();
		lines("demonyms.tsv", (columns) -> demonyms.put(key(columns[0]), columns[1]));
		Map<String, String> organisations = new HashMap<>();
		lines("organisations.tsv", (columns) -> {
			organisations.put(key(columns[0]), columns[0]);
			aliases(columns, 1).forEach((alias) -> organisations.putIfAbsent(key(alias), columns[0]));
		});
		// Clubs, teams, companies, media, bands, parties, public bodies, universities:
		// name, category, aliases (the category is for readers; every one is ORG).
		lines("organisations-more.tsv", (columns) -> {
			organisations.putIfAbsent(key(columns[0]), columns[0]);
			aliases(columns, 2).forEach((alias) -> organisations.putIfAbsent(key(alias), columns[0]));
		});
		Map<String, String> people = new HashMap<>();
		lines("people.tsv", (columns) -> {
			people.put(key(columns[0]), columns[0]);
			aliases(columns, 1).forEach((alias) -> people.putIfAbsent(key(alias), columns[0]));
		});
		Set<String> givenNames = new HashSet<>();
		lines("given-names.txt", (columns) -> givenNames.add(columns[0]));
		Set<String> titles = new HashSet<>();
		lines("person-titles.txt", (columns) -> titles.add(key(columns[0])));
		Set<String> organisationWords = new HashSet<>();
		lines("organisation-words.txt", (columns) -> organisationWords.add(columns[0]));
		Set<String> placeWords = new HashSet<>();
		lines("place-words.txt", (columns) -> placeWords.add(columns[0]));
		Set<String> nameParts = new HashSet<>();
		lines("name-parts.txt", (columns) -> nameParts.add(columns[0]));
		Map<String, String> wordNet = new HashMap<>();
		lines("wordnet-names.tsv", (columns) -> wordNet.put(key(columns[0]), columns[1]));
		Set<String> commonWords = new HashSet<>();
		lines("common-words.txt", (columns) -> commonWords.add(columns[0]));
		// Also without accents: "Zurich" for "Zürich", "Sao Paulo" for "São Paulo".
		for (Map<String, ?> names : List.of(places, organisations, people)) {
			foldAccents(names);
		}
		return new Gazetteer(places, demonyms, organisations, people, givenNames, titles, organisationWords, placeWords,
				nameParts, wordNet, readCueWords(), commonWords);
	}

	/** Countries, regions and cities under each of their names and aliases. */
	private static Map<String, List<Place>> readPlaces() {
		Map<String, List<Place>> places = new HashMap<>();
		lines("countries.tsv", (columns) -> {
			Place country = new Place(columns[1], columns[0], Place.Kind.COUNTRY, 0);
			addPlace(places, columns[1], country);
			aliases(columns, 2).forEach((alias) -> addPlace(places, alias, country));
		});
		lines("places.tsv", (columns) -> {
			String code = (columns.length > 1 && !columns[1].isBlank()) ? columns[1] : null;
			Place place = new Place(columns[0], code, Place.Kind.REGION, 0);
			addPlace(places, columns[0], place);
			aliases(columns, 2).forEach((alias) -> addPlace(places, alias, place));
		});
		lines("cities.tsv", (columns) -> {
			Place city = new Place(columns[0], columns[1], Place.Kind.CITY, Long.parseLong(columns[2]));
			addPlace(places, columns[0], city);
		});
		// Most populous first; countries and hand-written places before any city.
		places.replaceAll((key, candidates) -> candidates.stream()
			.sorted(Comparator.comparing(Place::kind).thenComparing(Place::population, Comparator.reverseOrder()))
			.toList());
		return places;
	}

	private static CueWords readCueWords() {
		Map<String, List<String>> lists = new HashMap<>();
		lines("cue-words.tsv",
				(columns) -> lists.computeIfAbsent(columns[0], (list) -> new ArrayList<>()).add(columns[1]));
		return CueWords.of(lists);
	}

	/**
	 * The key of a name: its tokens joined by single spaces.
	 * @param name a name as written
	 * @return its key
	 */
	static String key(String name) {
		return WordTokenizer.tokenize(name, 0).stream().map(Token::text).collect(Collectors.joining(" "));
	}

	/** The rules' and the tagger's cue word lists. */
	CueWords cueWords() {
		return this.cueWords;
	}

	/** The most tokens any name has, which bounds a longest-match search. */
	int longestKey() {
		return this.longestKey;
	}

	/**
	 * What the lists say of a key, for callers that ask several of them about one run of
	 * tokens.
	 * @param key a name's key
	 * @return its entry, {@link GazetteerEntry#NONE} for a key no list holds
	 */
	GazetteerEntry entry(String key) {
		return this.entries.getOrDefault(key, GazetteerEntry.NONE);
	}

	/** Whether some longer name starts with these tokens. */
	boolean prefix(String key) {
		return entry(key).prefix;
	}

	/**
	 * What a name is, for the tagger's features: "COUNTRY", "REGION" or "CITY" (with
	 * "+ORG" when an organisation has the name too), "ORG", "PERSON", "DEMONYM" or
	 * "TITLE"; {@code null} for a name no list holds.
	 */
	String kind(String key) {
		return entry(key).kind;
	}

	/** Places known under this key, countries and regions first, then cities by size. */
	List<Place> places(String key) {
		return entry(key).places;
	}

	/** The country code of a demonym ("Ukrainian" → UA), or {@code null}. */
	String demonym(String key) {
		return entry(key).demonym;
	}

	/** The canonical name of an organisation known under this key, or {@code null}. */
	String organisation(String key) {
		return entry(key).organisation;
	}

	/** The full name of a public figure known under this key, or {@code null}. */
	String person(String key) {
		return entry(key).person;
	}

	boolean givenName(String word) {
		return entry(word).givenName;
	}

	/** A given name or surname from any culture ("Okonkwo", "Nguyen", "Ingrid"). */
	boolean namePart(String word) {
		return entry(word).namePart;
	}

	/**
	 * WordNet's classes of a capitalised noun ("person", "location", "group-class"...),
	 * comma-separated, or {@code null}.
	 */
	String wordNet(String key) {
		return entry(key).wordNet;
	}

	/**
	 * An ordinary word, frequent and written in lower case ("split", "most"), unlike the
	 * names a frequency list also counts ("germany", "clinton").
	 * @param word a word in lower case
	 */
	boolean commonWord(String word) {
		return this.commonWords.contains(word);
	}

	boolean personTitle(String key) {
		return entry(key).personTitle;
	}

	boolean organisationWord(String word) {
		return entry(word).organisationWord;
	}

	boolean placeWord(String word) {
		return entry(word).placeWord;
	}

	/** A title or role written in lower case ("governor", "chief executive"). */
	boolean lowerCaseTitle(String key) {
		return entry(key).lowerCaseTitle;
	}

	private static <V> void foldAccents(Map<String, V> names) {
		Map<String, V> folded = new HashMap<>();
		names.forEach((key, value) -> {
			String plain = Normalizer.normalize(key, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
			if (!plain.equals(key) && !names.containsKey(plain)) {
				folded.put(plain, value);
			}
		});
		names.putAll(folded);
	}

	private static void addPlace(Map<String, List<Place>> places, String name, Place place) {
		List<Place> candidates = places.computeIfAbsent(key(name), (k) -> new ArrayList<>());
		if (!candidates.contains(place)) {
			candidates.add(place);
		}
	}

	private static List<String> aliases(String[] columns, int index) {
		if (columns.length <= index || columns[index].isBlank()) {
			return List.of();
		}
		return List.of(columns[index].split("\\|"));
	}

	private static void lines(String file, Consumer<String[]> consumer) {
		String resource = FOLDER + file;
		try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					consumer.accept(line.split("\t", -1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	/**
	 * A place the gazetteer knows.
	 *
	 * @param name its name as the entity carries it
	 * @param countryCode ISO 3166-1 alpha-2 code, {@code null} for places across borders
	 * @param kind country, region or city
	 * @param population people living there, 0 when not known
	 */
	record Place(String name, String countryCode, Kind kind, long population) {

		/** In order of precedence when a name is ambiguous. */
		enum Kind {

			COUNTRY, REGION, CITY

		}

	}

}
