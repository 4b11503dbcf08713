package newsroom.enrich.entity;

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
			CHUNK_GAZETTEER = 35, PREVIOUS_EXACT = 36, NEXT_EXACT = 37, WORDNET = 38, CHUNK_BEFORE = 39,
			CHUNK_BEFORE_TWO = 40, CHUNK_KIND = 42, IN_ORGANISATION_NAME = 43, ORGANISATION_INITIALS = 44;

	private static final String[] RANK_BUCKETS = { "r100", "r500", "r2k", "r8k", "r20k", "r50k", "unranked" };

	private final Gazetteer gazetteer;

	private final WordRanks ranks;

	private final CueWords cues;

	TokenFeatures(Gazetteer gazetteer, WordRanks ranks) {
		this.gazetteer = gazetteer;
		this.ranks = ranks;
		this.cues = gazetteer.cueWords();
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

		/**
		 * The features of token {@code i}, always in this order: the tagger sums their
		 * float weights, so another order could round a score differently.
		 */
		private long[] compute(int i) {
			FeatureList f = new FeatureList();
			addWord(f, i);
			addNeighbours(f, i);
			addLists(f, i);
			if (this.chunkEnd[i] > this.chunkStart[i]) {
				addChunk(f, i);
			}
			return f.toArray();
		}

		/** The word itself: lower case, shape, as written, suffixes. */
		private void addWord(FeatureList f, int i) {
			String word = this.words[i];
			String lower = this.lower[i];
			f.add(FeatureHash.of(BIAS));
			f.add(FeatureHash.of(LOWER, lower));
			f.add(FeatureHash.of(SHAPE, this.shapes[i]));
			if (!word.equals(lower)) {
				f.add(FeatureHash.of(EXACT, word));
			}
			for (int k = 3; k <= 4 && k <= lower.length(); k++) {
				f.add(FeatureHash.of(SUFFIX, lower.substring(lower.length() - k)));
			}
		}

		/** The words around it, where it stands in the sentence, how long the line is. */
		private void addNeighbours(FeatureList f, int i) {
			String before = (i > 0) ? this.lower[i - 1] : "<s>";
			String after = (i + 1 < this.n) ? this.lower[i + 1] : "</s>";
			f.add(FeatureHash.of(PREVIOUS, before));
			f.add(FeatureHash.of(NEXT, after));
			if (i > 0 && capitalised(this.words[i - 1])) {
				f.add(FeatureHash.of(PREVIOUS_EXACT, this.words[i - 1]));
			}
			if (i + 1 < this.n && capitalised(this.words[i + 1])) {
				f.add(FeatureHash.of(NEXT_EXACT, this.words[i + 1]));
			}
			String shapeBefore = (i > 0) ? this.shapes[i - 1] : "<s>";
			String shapeAfter = (i + 1 < this.n) ? this.shapes[i + 1] : "</s>";
			f.add(FeatureHash.of(PREVIOUS_SHAPE, shapeBefore));
			f.add(FeatureHash.of(NEXT_SHAPE, shapeAfter));
			if (i == this.first) {
				f.add(FeatureHash.of(SENTENCE_START, this.shapes[i]));
			}
			f.add(FeatureHash.of(RANK, rankBucket(this.words[i])));
			f.add(FeatureHash.of(LINE_LENGTH, this.lineLength));
		}

		/**
		 * What the article, the word lists and the rules say of it: written capitalised
		 * or in lower case elsewhere, name and cue word lists, gazetteer and WordNet
		 * cover, organisation nouns beside it, the rules' mention.
		 */
		private void addLists(FeatureList f, int i) {
			String word = this.words[i];
			Gazetteer lists = TokenFeatures.this.gazetteer;
			if (Character.isUpperCase(word.charAt(0))) {
				f.add(FeatureHash.of(CAPITALISED_ELSEWHERE, this.clues.capitalisedInside(word) ? 1 : 0));
				f.add(FeatureHash.of(LOWER_ELSEWHERE, this.clues.writtenLower(this.lower[i]) ? 1 : 0));
				if (this.clues.inOrganisationName(word)) {
					f.add(FeatureHash.of(IN_ORGANISATION_NAME));
				}
				if (this.clues.organisationInitials(word)) {
					f.add(FeatureHash.of(ORGANISATION_INITIALS));
				}
				if (lists.givenName(word)) {
					f.add(FeatureHash.of(GIVEN_NAME));
				}
				if (lists.namePart(word)) {
					f.add(FeatureHash.of(NAME_PART));
				}
				if (lists.organisationWord(word)) {
					f.add(FeatureHash.of(ORGANISATION_WORD));
				}
				if (lists.placeWord(word)) {
					f.add(FeatureHash.of(PLACE_WORD));
				}
			}
			if (this.gazetteer[i] != null) {
				f.add(FeatureHash.of(GAZETTEER, this.gazetteer[i]));
			}
			if (this.wordNet[i] != null) {
				f.add(FeatureHash.of(WORDNET, this.wordNet[i]));
			}
			Set<String> nouns = TokenFeatures.this.cues.organisationNouns();
			if ((i > 0 && nouns.contains(this.lower[i - 1])) || (i + 1 < this.n && nouns.contains(this.lower[i + 1]))) {
				f.add(FeatureHash.of(ORGANISATION_NOUN));
			}
			if (this.rule[i] != null) {
				f.add(FeatureHash.of(RULE, this.rule[i]));
				f.add(FeatureHash.of(RULE_EVIDENCE, this.evidence[i]));
			}
		}

		/**
		 * The capitalised chunk it belongs to: its first and last words, the token's
		 * place in it, and a title, a verb of speech or brackets around it.
		 */
		private void addChunk(FeatureList f, int i) {
			int start = this.chunkStart[i];
			int end = this.chunkEnd[i];
			f.add(FeatureHash.of(CHUNK_LAST, this.lower[end - 1]));
			f.add(FeatureHash.of(CHUNK_FIRST, this.lower[start]));
			String position = (end - start == 1) ? "U" : (i == start) ? "B" : (i == end - 1) ? "L" : "I";
			f.add(FeatureHash.of(CHUNK_POSITION, position + Math.min(end - start, 4)));
			if (this.gazetteer[end - 1] != null) {
				f.add(FeatureHash.of(CHUNK_GAZETTEER, "last:" + this.gazetteer[end - 1]));
			}
			if (start > 0 && titleEndsAt(this.words, start - 1)) {
				f.add(FeatureHash.of(TITLE_BEFORE));
			}
			Set<String> speech = TokenFeatures.this.cues.taggerSpeech();
			if (end < this.n && (speech.contains(this.lower[end])
					|| (end + 1 < this.n && this.words[end].equals(",") && speech.contains(this.lower[end + 1])))) {
				f.add(FeatureHash.of(SPEECH_AFTER));
			}
			if (start > 0 && this.words[start - 1].equals("(") && end < this.n && this.words[end].equals(")")) {
				f.add(FeatureHash.of(IN_PARENTHESES));
			}
			ChunkContext.add(f, this.lower, start);
			ChunkContext.addKinds(f, TokenFeatures.this.gazetteer, this.words, i, start, end);
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
	private void chunks(String[] words, int[] chunkStart, int[] chunkEnd) {
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
				else if (this.cues.taggerConnectors().contains(words[end]) && end + 1 < words.length
						&& capitalised(words[end + 1])) {
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

}
