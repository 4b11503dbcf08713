package newsroom.enrich.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import newsroom.enrich.analysis.Token;
import newsroom.enrich.text.WordRanks;

/**
 * What the {@link NameTagger} sees of each token of a sentence, as feature hashes: the
 * word, its shape, suffixes, its neighbours, how common it is, which gazetteer names
 * cover it, what the rules ({@link MentionFinder}) said of it, the capitalised chunk it
 * belongs to, and clues from the rest of the article (the same word written capitalised
 * mid-sentence, or in lower case). These are the features that do not depend on the
 * labels; {@link NameTagger} adds the label history.
 */
final class TokenFeatures {

	/** Feature templates: a number each, hashed with the feature's text. */
	static final int BIAS = 1, LOWER = 2, EXACT = 3, SHAPE = 4, SUFFIX = 6, PREVIOUS = 7, NEXT = 8, PREVIOUS_SHAPE = 11,
			NEXT_SHAPE = 12, SENTENCE_START = 16, RANK = 17, CAPITALISED_ELSEWHERE = 18, LOWER_ELSEWHERE = 19,
			GAZETTEER = 20, GIVEN_NAME = 21, NAME_PART = 22, ORGANISATION_WORD = 23, PLACE_WORD = 24,
			ORGANISATION_NOUN = 25, RULE = 26, RULE_EVIDENCE = 27, CHUNK_LAST = 28, CHUNK_FIRST = 29,
			CHUNK_POSITION = 30, TITLE_BEFORE = 31, SPEECH_AFTER = 32, IN_PARENTHESES = 33, LINE_LENGTH = 34,
			CHUNK_GAZETTEER = 35, PREVIOUS_EXACT = 36, NEXT_EXACT = 37, WORDNET = 38;

	/** Lower-case words that may join the capitalised parts of one chunk. */
	static final Set<String> CONNECTORS = Set.of("of", "for", "de", "da", "del", "della", "di", "van", "von", "der",
			"den", "du", "la", "le", "al", "el", "bin", "ibn", "and", "&", "the", "y", "do", "dos", "das");

	private static final Set<String> SPEECH = Set.of("said", "says", "told", "added", "warned", "wrote", "argued",
			"noted", "insisted", "announced", "reported", "stated", "claimed", "replied");

	private static final String[] RANK_BUCKETS = { "r100", "r500", "r2k", "r8k", "r20k", "r50k", "unranked" };

	private final Gazetteer gazetteer;

	private final WordRanks ranks;

	TokenFeatures(Gazetteer gazetteer, WordRanks ranks) {
		this.gazetteer = gazetteer;
		this.ranks = ranks;
	}

	/**
	 * The features of every token of one sentence.
	 * @param tokens the sentence's tokens
	 * @param rules the rules' mentions in this sentence
	 * @param clues what the whole article says about its words
	 * @return the sentence's words with, per token, its feature hashes
	 */
	NameTagger.SentenceFeatures sentence(List<Token> tokens, List<Mention> rules, ArticleClues clues) {
		return new LazySentence(tokens, rules, clues);
	}

	/**
	 * A sentence's words and what is known of them, with each token's features worked out
	 * when the tagger first asks: it asks only for tokens that may be names, a fifth of
	 * them in news.
	 */
	private final class LazySentence implements NameTagger.SentenceFeatures {

		private final ArticleClues clues;

		private final int n;

		private final String[] words;

		private final String[] lower;

		private final String[] shapes;

		private final String[] gazetteer;

		private final String[] wordNet;

		private final String[] rule;

		private final String[] evidence;

		private final int[] chunkStart;

		private final int[] chunkEnd;

		private final int first;

		private final String lineLength;

		private final long[][] features;

		LazySentence(List<Token> tokens, List<Mention> rules, ArticleClues clues) {
			this.clues = clues;
			this.n = tokens.size();
			this.words = new String[this.n];
			this.lower = new String[this.n];
			this.shapes = new String[this.n];
			for (int i = 0; i < this.n; i++) {
				this.words[i] = tokens.get(i).text();
				this.lower[i] = this.words[i].toLowerCase(Locale.ROOT);
				this.shapes[i] = shape(this.words[i]);
			}
			GazetteerCover covers = new GazetteerCover(TokenFeatures.this.gazetteer, this.words);
			this.gazetteer = covers.cover();
			this.wordNet = covers.wordNetCover();
			this.rule = new String[this.n];
			this.evidence = new String[this.n];
			for (Mention mention : rules) {
				String type = (mention.type() != null) ? mention.type().name() : "NONE";
				for (int i = mention.start(); i < mention.end(); i++) {
					this.rule[i] = type + ((i == mention.start()) ? "-B" : "-I");
					this.evidence[i] = mention.evidence().name() + ":" + type;
				}
			}
			this.chunkStart = new int[this.n];
			this.chunkEnd = new int[this.n];
			chunks(this.words, this.chunkStart, this.chunkEnd);
			this.first = firstWord(this.words);
			this.lineLength = (this.n <= 6) ? "short" : (this.n <= 14) ? "medium" : "long";
			this.features = new long[this.n][];
		}

		@Override
		public String[] words() {
			return this.words;
		}

		@Override
		public String[] lower() {
			return this.lower;
		}

		@Override
		public String[] shapes() {
			return this.shapes;
		}

		@Override
		public long[] features(int i) {
			if (this.features[i] == null) {
				this.features[i] = compute(i);
			}
			return this.features[i];
		}

		private long[] compute(int i) {
			String[] words = this.words;
			String[] lower = this.lower;
			String[] shapes = this.shapes;
			String[] gazetteer = this.gazetteer;
			String[] wordNet = this.wordNet;
			String[] rule = this.rule;
			String[] evidence = this.evidence;
			int[] chunkStart = this.chunkStart;
			int[] chunkEnd = this.chunkEnd;
			int n = this.n;
			ArticleClues clues = this.clues;
			FeatureList f = new FeatureList();
			String word = words[i];
			f.add(FeatureHash.of(BIAS));
			f.add(FeatureHash.of(LOWER, lower[i]));
			f.add(FeatureHash.of(SHAPE, shapes[i]));
			boolean capitalised = Character.isUpperCase(word.charAt(0));
			if (!word.equals(lower[i])) {
				f.add(FeatureHash.of(EXACT, word));
			}
			for (int k = 3; k <= 4 && k <= lower[i].length(); k++) {
				f.add(FeatureHash.of(SUFFIX, lower[i].substring(lower[i].length() - k)));
			}
			String before = (i > 0) ? lower[i - 1] : "<s>";
			String after = (i + 1 < n) ? lower[i + 1] : "</s>";
			f.add(FeatureHash.of(PREVIOUS, before));
			f.add(FeatureHash.of(NEXT, after));
			if (i > 0 && capitalised(words[i - 1])) {
				f.add(FeatureHash.of(PREVIOUS_EXACT, words[i - 1]));
			}
			if (i + 1 < n && capitalised(words[i + 1])) {
				f.add(FeatureHash.of(NEXT_EXACT, words[i + 1]));
			}
			String shapeBefore = (i > 0) ? shapes[i - 1] : "<s>";
			String shapeAfter = (i + 1 < n) ? shapes[i + 1] : "</s>";
			f.add(FeatureHash.of(PREVIOUS_SHAPE, shapeBefore));
			f.add(FeatureHash.of(NEXT_SHAPE, shapeAfter));
			if (i == this.first) {
				f.add(FeatureHash.of(SENTENCE_START, shapes[i]));
			}
			f.add(FeatureHash.of(RANK, rankBucket(word)));
			f.add(FeatureHash.of(LINE_LENGTH, this.lineLength));
			if (capitalised) {
				f.add(FeatureHash.of(CAPITALISED_ELSEWHERE, clues.capitalisedInside(word) ? 1 : 0));
				f.add(FeatureHash.of(LOWER_ELSEWHERE, clues.writtenLower(lower[i]) ? 1 : 0));
				if (TokenFeatures.this.gazetteer.givenName(word)) {
					f.add(FeatureHash.of(GIVEN_NAME));
				}
				if (TokenFeatures.this.gazetteer.namePart(word)) {
					f.add(FeatureHash.of(NAME_PART));
				}
				if (TokenFeatures.this.gazetteer.organisationWord(word)) {
					f.add(FeatureHash.of(ORGANISATION_WORD));
				}
				if (TokenFeatures.this.gazetteer.placeWord(word)) {
					f.add(FeatureHash.of(PLACE_WORD));
				}
			}
			if (gazetteer[i] != null) {
				f.add(FeatureHash.of(GAZETTEER, gazetteer[i]));
			}
			if (wordNet[i] != null) {
				f.add(FeatureHash.of(WORDNET, wordNet[i]));
			}
			if ((i > 0 && MentionFinder.ORGANISATION_NOUNS.contains(lower[i - 1]))
					|| (i + 1 < n && MentionFinder.ORGANISATION_NOUNS.contains(lower[i + 1]))) {
				f.add(FeatureHash.of(ORGANISATION_NOUN));
			}
			if (rule[i] != null) {
				f.add(FeatureHash.of(RULE, rule[i]));
				f.add(FeatureHash.of(RULE_EVIDENCE, evidence[i]));
			}
			if (chunkEnd[i] > chunkStart[i]) {
				int start = chunkStart[i];
				int end = chunkEnd[i];
				f.add(FeatureHash.of(CHUNK_LAST, lower[end - 1]));
				f.add(FeatureHash.of(CHUNK_FIRST, lower[start]));
				String position = (end - start == 1) ? "U" : (i == start) ? "B" : (i == end - 1) ? "L" : "I";
				f.add(FeatureHash.of(CHUNK_POSITION, position + Math.min(end - start, 4)));
				if (gazetteer[end - 1] != null) {
					f.add(FeatureHash.of(CHUNK_GAZETTEER, "last:" + gazetteer[end - 1]));
				}
				if (start > 0 && titleEndsAt(words, start - 1)) {
					f.add(FeatureHash.of(TITLE_BEFORE));
				}
				if (end < n && (SPEECH.contains(lower[end])
						|| (end + 1 < n && words[end].equals(",") && SPEECH.contains(lower[end + 1])))) {
					f.add(FeatureHash.of(SPEECH_AFTER));
				}
				if (start > 0 && words[start - 1].equals("(") && end < n && words[end].equals(")")) {
					f.add(FeatureHash.of(IN_PARENTHESES));
				}
			}
			return f.toArray();
		}

	}

	/**
	 * Whether the tagger looks at a token at all: anything capitalised or with a digit
	 * may be (part of) a name; a lower-case word only when it continues one ("of",
	 * "van"); punctuation never, but for "&" inside a name. Training follows the same
	 * rule, so the cheap path costs no accuracy the model could have had.
	 */
	static boolean candidate(String word, boolean afterName) {
		char c = word.charAt(0);
		if (!Character.isLetterOrDigit(c)) {
			// Punctuation is never part of a name, but for "&" ("Procter & Gamble").
			return afterName && word.equals("&");
		}
		if (Character.isUpperCase(c) || Character.isDigit(c) || afterName) {
			return true;
		}
		for (int i = 1; i < word.length(); i++) {
			if (Character.isUpperCase(word.charAt(i))) {
				// "eBay", "iPhone"
				return true;
			}
		}
		return false;
	}

	/** A title or role ("President", "Foreign Minister", "striker") ends at {@code i}. */
	private boolean titleEndsAt(String[] words, int i) {
		String key = words[i];
		for (int length = 1; length <= 3 && i - length + 1 >= 0; length++) {
			if (length > 1) {
				key = words[i - length + 1] + " " + key;
			}
			if (this.gazetteer.personTitle(key) || this.gazetteer.lowerCaseTitle(key)) {
				return true;
			}
		}
		return false;
	}

	private String rankBucket(String word) {
		int rank = this.ranks.rank(word);
		int bucket = (rank <= 100) ? 0 : (rank <= 500) ? 1
				: (rank <= 2000) ? 2 : (rank <= 8000) ? 3 : (rank <= 20000) ? 4 : (rank < WordRanks.UNRANKED) ? 5 : 6;
		return RANK_BUCKETS[bucket];
	}

	/**
	 * Capitalised runs ("Bank of England", "Jean de la Fontaine"): connectors join two
	 * capitalised words; every token of a run gets the run's bounds.
	 */
	private static void chunks(String[] words, int[] chunkStart, int[] chunkEnd) {
		int i = 0;
		while (i < words.length) {
			if (!capitalised(words[i])) {
				i++;
				continue;
			}
			int end = i + 1;
			while (end < words.length) {
				if (capitalised(words[end])) {
					end++;
				}
				else if (CONNECTORS.contains(words[end]) && end + 1 < words.length && capitalised(words[end + 1])) {
					end += 2;
				}
				else {
					break;
				}
			}
			for (int k = i; k < end; k++) {
				chunkStart[k] = i;
				chunkEnd[k] = end;
			}
			i = end;
		}
	}

	static boolean capitalised(String word) {
		return !word.isEmpty() && Character.isUpperCase(word.charAt(0));
	}

	private static int firstWord(String[] words) {
		int i = 0;
		while (i < words.length && !Character.isLetterOrDigit(words[i].charAt(0))) {
			i++;
		}
		return i;
	}

	/**
	 * A word's shape: upper-case letters X, lower-case x, digits d, other characters as
	 * they are, runs of one kind collapsed ("McDonald" → XxXx, "U.S." → X.X., "2-1" →
	 * d-d), with a length mark for short words.
	 */
	static String shape(String word) {
		StringBuilder shape = new StringBuilder(8);
		char last = 0;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			char kind = Character.isUpperCase(c) ? 'X'
					: Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd' : Character.isLetter(c) ? 'x' : c;
			if (kind != last || !(kind == 'X' || kind == 'x' || kind == 'd')) {
				shape.append(kind);
			}
			last = kind;
		}
		if (word.length() <= 3) {
			shape.append(word.length());
		}
		return shape.toString();
	}

	/** A growable array of feature hashes. */
	private static final class FeatureList {

		private long[] values = new long[48];

		private int size;

		void add(long value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		long[] toArray() {
			return Arrays.copyOf(this.values, this.size);
		}

	}

}
