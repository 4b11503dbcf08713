package newsroom.enrich.language;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * OpenNLP's {@code LanguageDetectorME} on its {@code langdetect} model, without its
 * overhead: the same normalisers, the same distinct lower-cased character 1- to 3-grams
 * and the same maximum-entropy sums, but each n-gram packed into a {@code long} and its
 * weights read from one flat array (OpenNLP builds an n-gram model, a map of counts it
 * then ignores, and looks each string up in a map of small objects: the look-ups were
 * most of the cost). Languages come out in the same order: only the order in which the
 * n-grams' weights are added differs and the weights are kept in single precision, which
 * moves a sum in its last bits ({@code CharNgramDetectorTests} compares the five best
 * with OpenNLP's on every test text). Immutable and thread-safe.
 */
final class CharNgramDetector {

	/** What {@code LanguageDetectorFactory} gives the detector, in its order. */
	private static final CharSequenceNormalizer NORMALIZER = new AggregateCharSequenceNormalizer(
			EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
			TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
			ShrinkCharSequenceNormalizer.getInstance());

	private static final int MAX_GRAM = 3;

	private final String[] languages;

	/** OpenNLP's uniform prior, the log of one over the number of languages. */
	private final double prior;

	/** The model's n-grams: open addressing from a packed n-gram to its weights. */
	private final LongIntTable grams;

	/**
	 * Per n-gram, from where the table points: the number of its weights, then each
	 * weight's language and value. Read in one sweep, so a look-up costs a cache miss or
	 * two instead of one per array. In single precision (counts and language numbers are
	 * exact, weights keep 24 bits), which halves the table to about 9 MB: reading it is
	 * most of the detector's time, and the sums stay in double precision.
	 */
	private final float[] weights;

	@SuppressWarnings("unchecked")
	CharNgramDetector(LanguageDetectorModel model) {
		MaxentModel maxent = model.getMaxentModel();
		this.languages = new String[maxent.getNumOutcomes()];
		Arrays.setAll(this.languages, maxent::getOutcome);
		this.prior = StrictMath.log(1.0 / this.languages.length);
		// The model's predicate table: {parameters, predicate map, outcome names}.
		Map<String, Context> predicates = (Map<String, Context>) ((AbstractModel) maxent).getDataStructures()[1];
		this.grams = new LongIntTable(predicates.size());
		int size = predicates.values().stream().mapToInt((context) -> 1 + 2 * context.getOutcomes().length).sum();
		this.weights = new float[size];
		int next = 0;
		for (Map.Entry<String, Context> predicate : predicates.entrySet()) {
			String text = predicate.getKey();
			if (text.isEmpty() || text.length() > MAX_GRAM) {
				// Never one of the 1- to 3-grams asked for.
				continue;
			}
			this.grams.put(pack(text, 0, text.length()), next);
			Context context = predicate.getValue();
			this.weights[next++] = context.getOutcomes().length;
			for (int k = 0; k < context.getOutcomes().length; k++) {
				this.weights[next++] = context.getOutcomes()[k];
				this.weights[next++] = (float) context.getParameters()[k];
			}
		}
	}

	/**
	 * The model's languages for a text, most likely first, as OpenNLP ranks them.
	 * @param text the text to detect
	 * @return the ISO 639-3 codes (and the like) of the model, best first
	 */
	List<String> languages(CharSequence text) {
		double[] scores = new double[this.languages.length];
		Arrays.fill(scores, this.prior);
		// Two passes: every look-up first, then every n-gram's weights. Each pass's reads
		// are independent of one another, so the processor overlaps their cache misses,
		// which one pass, where a gram's weights wait for its look-up, does not allow.
		long[] grams = grams(NORMALIZER.normalize(text));
		int[] found = new int[grams.length];
		int count = 0;
		for (long packed : grams) {
			int at = (packed != 0) ? this.grams.get(packed) : -1;
			if (at >= 0) {
				found[count++] = at;
			}
		}
		for (int g = 0; g < count; g++) {
			int at = found[g];
			int end = at + 1 + 2 * (int) this.weights[at];
			for (int w = at + 1; w < end; w += 2) {
				scores[(int) this.weights[w]] += this.weights[w + 1];
			}
		}
		// As GISModel: exponentials normalised (an overflow gives NaN, which OpenNLP's
		// sort puts first), then a stable sort by confidence, highest first.
		double normal = 0;
		for (int l = 0; l < scores.length; l++) {
			scores[l] = StrictMath.exp(scores[l]);
			normal += scores[l];
		}
		Integer[] order = new Integer[scores.length];
		for (int l = 0; l < scores.length; l++) {
			scores[l] /= normal;
			order[l] = l;
		}
		Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
		return Arrays.stream(order).map((l) -> this.languages[l]).toList();
	}

	/**
	 * The distinct lower-cased n-grams, packed, in a table with 0 for an empty slot;
	 * lower-cased code point by code point as OpenNLP does.
	 */
	private static long[] grams(CharSequence normalised) {
		int length = normalised.length();
		char[] lower = new char[length];
		boolean surrogates = false;
		for (int i = 0; i < length; i++) {
			char c = normalised.charAt(i);
			surrogates |= Character.isSurrogate(c);
			lower[i] = (char) Character.toLowerCase((int) c);
		}
		// Open addressing with room for every gram, so a probe always ends.
		long[] grams = new long[LongIntTable.capacity(length * MAX_GRAM)];
		int mask = grams.length - 1;
		for (int n = 1; n <= MAX_GRAM; n++) {
			for (int i = 0; i + n <= length; i++) {
				// A gram that cuts or holds a surrogate pair is lower-cased as a whole.
				String gram = surrogates ? lowerCase(normalised.subSequence(i, i + n)) : null;
				long packed = (gram != null) ? pack(gram, 0, gram.length()) : pack(lower, i, n);
				int slot = LongIntTable.slot(packed, mask);
				while (grams[slot] != 0 && grams[slot] != packed) {
					slot = (slot + 1) & mask;
				}
				grams[slot] = packed;
			}
		}
		return grams;
	}

	private static String lowerCase(CharSequence gram) {
		int[] codePoints = gram.codePoints().map(Character::toLowerCase).toArray();
		return new String(codePoints, 0, codePoints.length);
	}

	/** Up to three UTF-16 units and their number in one {@code long}, never 0. */
	private static long pack(CharSequence text, int start, int length) {
		long packed = length;
		for (int k = 0; k < length; k++) {
			packed = (packed << 16) | text.charAt(start + k);
		}
		return packed;
	}

	private static long pack(char[] text, int start, int length) {
		long packed = length;
		for (int k = 0; k < length; k++) {
			packed = (packed << 16) | text[start + k];
		}
		return packed;
	}

	/**
	 * An open-addressing map from non-zero {@code long} keys to {@code int} values, each
	 * value beside its key.
	 */
	private static final class LongIntTable {

		/** Key, value, key, value... */
		private final long[] slots;

		private final int mask;

		LongIntTable(int expected) {
			int capacity = capacity(expected);
			this.slots = new long[2 * capacity];
			this.mask = capacity - 1;
		}

		void put(long key, int value) {
			int slot = slot(key);
			while (this.slots[2 * slot] != 0 && this.slots[2 * slot] != key) {
				slot = (slot + 1) & this.mask;
			}
			this.slots[2 * slot] = key;
			this.slots[2 * slot + 1] = value;
		}

		/** The value of a key, -1 when it has none. */
		int get(long key) {
			for (int slot = slot(key); this.slots[2 * slot] != 0; slot = (slot + 1) & this.mask) {
				if (this.slots[2 * slot] == key) {
					return (int) this.slots[2 * slot + 1];
				}
			}
			return -1;
		}

		/** Slots for this many keys at most: a power of two, at most half of it full. */
		static int capacity(int expected) {
			return Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
		}

		private int slot(long key) {
			return slot(key, this.mask);
		}

		static int slot(long key, int mask) {
			long mixed = key * 0x9E3779B97F4A7C15L;
			return (int) (mixed >>> 40) & mask;
		}

	}

}
