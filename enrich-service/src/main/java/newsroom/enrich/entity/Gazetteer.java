package newsroom.enrich.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
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

	private final Map<String, List<Place>> places;

	private final Map<String, String> demonyms;

	private final Map<String, String> organisations;

	private final Map<String, String> people;

	private final Set<String> givenNames;

	private final Set<String> personTitles;

	private final Set<String> organisationWords;

	private final Set<String> placeWords;

	private final Set<String> nameParts;

	private final Map<String, String> wordNet;

	private final Set<String> lowerCaseTitles;

	private final int longestKey;

	/** What each name is, in one look-up: see {@link #kind}. */
	private final Map<String, String> kinds;

	/** Every proper prefix of a multi-token key, so that a longest match stops early. */
	private final Set<String> prefixes;

	private final CueWords cueWords;

	private Gazetteer(Map<String, List<Place>> places, Map<String, String> demonyms, Map<String, String> organisations,
			Map<String, String> people, Set<String> givenNames, Set<String> personTitles, Set<String> organisationWords,
			Set<String> placeWords, Set<String> nameParts, Map<String, String> wordNet, CueWords cueWords) {
		// Hash maps, not immutable copies: their open addressing probes measured slower
		// for these large string-keyed tables, which the entity stage hits per token.
		this.places = Collections.unmodifiableMap(new HashMap<>(places));
		this.demonyms = Collections.unmodifiableMap(new HashMap<>(demonyms));
		this.organisations = Collections.unmodifiableMap(new HashMap<>(organisations));
		this.people = Collections.unmodifiableMap(new HashMap<>(people));
		this.givenNames = Collections.unmodifiableSet(new HashSet<>(givenNames));
		this.personTitles = Collections.unmodifiableSet(new HashSet<>(personTitles));
		this.organisationWords = Collections.unmodifiableSet(new HashSet<>(organisationWords));
		this.placeWords = Collections.unmodifiableSet(new HashSet<>(placeWords));
		this.nameParts = Collections.unmodifiableSet(new HashSet<>(nameParts));
		this.wordNet = Collections.unmodifiableMap(new HashMap<>(wordNet));
		this.cueWords = cueWords;
		Set<String> lower = new HashSet<>();
		for (String title : personTitles) {
			lower.add(title.toLowerCase(Locale.ROOT));
		}
		lower.addAll(ROLES);
		this.lowerCaseTitles = Collections.unmodifiableSet(new HashSet<>(lower));
		int longest = 1;
		Set<String> prefixes = new HashSet<>();
		for (Set<String> keys : List.of(this.places.keySet(), demonyms.keySet(), organisations.keySet(),
				people.keySet(), personTitles, this.lowerCaseTitles, this.wordNet.keySet())) {
			for (String key : keys) {
				longest = Math.max(longest, key.split(" ").length);
				for (int space = key.indexOf(' '); space > 0; space = key.indexOf(' ', space + 1)) {
					prefixes.add(key.substring(0, space));
				}
			}
		}
		this.longestKey = longest;
		this.prefixes = Collections.unmodifiableSet(new HashSet<>(prefixes));
		Map<String, String> kinds = new HashMap<>();
		for (Set<String> keys : List.of(this.places.keySet(), this.organisations.keySet(), this.people.keySet(),
				this.demonyms.keySet(), this.personTitles)) {
			keys.forEach((key) -> kinds.computeIfAbsent(key, this::kindOf));
		}
		this.kinds = Collections.unmodifiableMap(kinds);
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
		// Also without accents: "Zurich" for "Zürich", "Sao Paulo" for "São Paulo".
		for (Map<String, ?> names : List.of(places, organisations, people)) {
			foldAccents(names);
		}
		return new Gazetteer(places, demonyms, organisations, people, givenNames, titles, organisationWords, placeWords,
				nameParts, wordNet, readCueWords());
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

	/** Whether some longer name starts with these tokens. */
	boolean prefix(String key) {
		return this.prefixes.contains(key);
	}

	/**
	 * What a name is, for the tagger's features: "COUNTRY", "REGION" or "CITY" (with
	 * "+ORG" when an organisation has the name too), "ORG", "PERSON", "DEMONYM" or
	 * "TITLE"; {@code null} for a name no list holds.
	 */
	String kind(String key) {
		return this.kinds.get(key);
	}

	/** Places known under this key, countries and regions first, then cities by size. */
	List<Place> places(String key) {
		return this.places.getOrDefault(key, List.of());
	}

	/** The country code of a demonym ("Ukrainian" → UA), or {@code null}. */
	String demonym(String key) {
		return this.demonyms.get(key);
	}

	/** The canonical name of an organisation known under this key, or {@code null}. */
	String organisation(String key) {
		return this.organisations.get(key);
	}

	/** The full name of a public figure known under this key, or {@code null}. */
	String person(String key) {
		return this.people.get(key);
	}

	boolean givenName(String word) {
		return this.givenNames.contains(word);
	}

	/** A given name or surname from any culture ("Okonkwo", "Nguyen", "Ingrid"). */
	boolean namePart(String word) {
		return this.nameParts.contains(word);
	}

	/**
	 * WordNet's classes of a capitalised noun ("person", "location", "group-class"...),
	 * comma-separated, or {@code null}.
	 */
	String wordNet(String key) {
		return this.wordNet.get(key);
	}

	boolean personTitle(String key) {
		return this.personTitles.contains(key);
	}

	boolean organisationWord(String word) {
		return this.organisationWords.contains(word);
	}

	boolean placeWord(String word) {
		return this.placeWords.contains(word);
	}

	/** A title or role written in lower case ("governor", "chief executive"). */
	boolean lowerCaseTitle(String key) {
		return this.lowerCaseTitles.contains(key);
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
