package newsroom.enrich.entity;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A trained sequence tagger for names: an averaged perceptron that labels each token
 * {@code O}, {@code B-}/{@code I-} {@code PER}, {@code ORG}, {@code LOC} or {@code MISC},
 * left to right, from the token's {@link TokenFeatures} and the labels before it (the
 * previous two, and what the same word was labelled earlier in the article). Greedy
 * decoding is as good as a beam for this model and costs one pass.
 *
 * <p>
 * The model ({@code /models/name-tagger.bin}) is trained by {@code NameTaggerTraining}
 * (see the module README) on the WikiGold dev part and on annotated news written for
 * Newsroom; it is plain data, read once and shared by all threads.
 */
final class NameTagger {

	/** The labels, in the model's order: O, then B and I of each type. */
	static final String[] LABELS = { "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC" };

	/** Entity types in label order (label {@code 1 + 2t} is B, {@code 2 + 2t} is I). */
	static final String[] TYPES = { "PER", "ORG", "LOC", "MISC" };

	static final int OUTSIDE = 0;

	private static final String RESOURCE = "/models/name-tagger.bin";

	static final int MAGIC = 0x4E525447;

	/** Label-history templates, beyond {@link TokenFeatures}'. */
	private static final int PREVIOUS_LABEL = 101, PREVIOUS_LABELS = 102, PREVIOUS_LABEL_WORD = 103,
			PREVIOUS_LABEL_SHAPE = 104, HISTORY = 105, HISTORY_CHUNK = 106;

	private final Weights weights;

	NameTagger(Weights weights) {
		this.weights = weights;
	}

	/**
	 * Read the model shipped in the jar.
	 * @return the tagger
	 */
	static NameTagger load() {
		try (InputStream in = NameTagger.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the classpath");
			}
			return new NameTagger(CompactWeights.read(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

	/**
	 * Label one sentence, continuing an article's history.
	 * @param sentence the sentence's words and features
	 * @param history what earlier sentences of the article labelled each word
	 * @return a label per token, indexes into {@link #LABELS}
	 */
	int[] tag(SentenceFeatures sentence, History history) {
		return decode(sentence, history, this.weights, null);
	}

	/**
	 * The greedy decoder, shared with training: with a {@code gold} labelling it calls
	 * the weights' update wherever its choice differs, and goes on with its own choice.
	 */
	static int[] decode(SentenceFeatures sentence, History history, Weights weights, int[] gold) {
		int n = sentence.words().length;
		int[] labels = new int[n];
		float[] scores = new float[LABELS.length];
		long[] dynamic = new long[6];
		int previous = OUTSIDE;
		int beforePrevious = OUTSIDE;
		for (int i = 0; i < n; i++) {
			String word = sentence.words()[i];
			if (!TokenFeatures.candidate(word, previous != OUTSIDE)) {
				labels[i] = OUTSIDE;
				beforePrevious = previous;
				previous = OUTSIDE;
				continue;
			}
			dynamic[0] = FeatureHash.of(PREVIOUS_LABEL, previous);
			dynamic[1] = FeatureHash.with(FeatureHash.of(PREVIOUS_LABELS, beforePrevious), previous);
			dynamic[2] = FeatureHash.with(FeatureHash.of(PREVIOUS_LABEL_WORD, sentence.lower()[i]), previous);
			dynamic[3] = FeatureHash.with(FeatureHash.of(PREVIOUS_LABEL_SHAPE, sentence.shapes()[i]), previous);
			int historyType = history.typeOf(word);
			dynamic[4] = FeatureHash.of(HISTORY, historyType);
			dynamic[5] = FeatureHash.with(FeatureHash.of(HISTORY_CHUNK, historyType), previous);
			Arrays.fill(scores, 0f);
			weights.next();
			long[] features = sentence.features(i);
			for (long feature : features) {
				weights.addTo(feature, scores);
			}
			for (long feature : dynamic) {
				weights.addTo(feature, scores);
			}
			int best = best(scores, previous);
			if (gold != null && gold[i] != best) {
				weights.update(features, gold[i], best);
				weights.update(dynamic, gold[i], best);
			}
			labels[i] = best;
			beforePrevious = previous;
			previous = best;
		}
		history.record(sentence.words(), labels);
		return labels;
	}

	/**
	 * The best label that may follow {@code previous}: I-X only after B-X or I-X.
	 */
	private static int best(float[] scores, int previous) {
		int best = OUTSIDE;
		for (int label = 1; label < scores.length; label++) {
			boolean inside = label % 2 == 0;
			if (inside && previous != label && previous != label - 1) {
				continue;
			}
			if (scores[label] > scores[best]) {
				best = label;
			}
		}
		return best;
	}

	/** The label that begins ({@code B-}) or continues ({@code I-}) a name of a type. */
	static int label(int type, boolean begins) {
		return 1 + 2 * type + (begins ? 0 : 1);
	}

	/** The type index of a label, -1 for O. */
	static int type(int label) {
		return (label == OUTSIDE) ? -1 : (label - 1) / 2;
	}

	static boolean begins(int label) {
		return label != OUTSIDE && label % 2 == 1;
	}

	/** A sentence's words as the tagger needs them. */
	interface SentenceFeatures {

		/** The tokens. */
		String[] words();

		/** The tokens in lower case. */
		String[] lower();

		/** The tokens' shapes ({@link TokenFeatures#shape}). */
		String[] shapes();

		/**
		 * A token's feature hashes.
		 * @param i the token's index
		 * @return its features
		 */
		long[] features(int i);

	}

	/**
	 * What an article labelled each word so far: the type it got most often, so that a
	 * name typed once by strong context keeps that type later.
	 */
	static final class History {

		private final Map<String, int[]> counts = new HashMap<>();

		int typeOf(String word) {
			int[] count = this.counts.get(word);
			if (count == null) {
				return -1;
			}
			int best = 0;
			for (int t = 1; t < count.length; t++) {
				if (count[t] > count[best]) {
					best = t;
				}
			}
			return best;
		}

		void record(String[] words, int[] labels) {
			for (int i = 0; i < words.length; i++) {
				int type = type(labels[i]);
				if (type >= 0) {
					this.counts.computeIfAbsent(words[i], (w) -> new int[TYPES.length])[type]++;
				}
			}
		}

	}

	/** The model's weights: a row of one weight per label for each feature. */
	interface Weights {

		/** Adds the feature's weights to the scores; nothing when it is unknown. */
		void addTo(long feature, float[] scores);

		/** Training only: one more token seen, for averaging. */
		default void next() {
		}

		/** Training only: reward the gold label and penalise the predicted one. */
		default void update(long[] features, int gold, int predicted) {
			throw new UnsupportedOperationException("A trained model is not updated");
		}

	}

	/**
	 * Weights as the jar ships them, in an open-addressing table from feature hash to a
	 * row of floats. The file is gzipped: magic, label count, feature count, then per
	 * feature its hash, a bit mask of the labels with a weight, and those weights as
	 * 16-bit integers of a common scale.
	 */
	static final class CompactWeights implements Weights {

		/**
		 * Each slot's key and its row number plus one (0 for an empty slot) side by side:
		 * the tables are far larger than the caches and most features asked for are not
		 * in the model, so a probe that touches one cache line instead of two is most of
		 * the look-up's cost.
		 */
		private final long[] slots;

		private final float[] values;

		private final int mask;

		private CompactWeights(long[] slots, float[] values) {
			this.slots = slots;
			this.values = values;
			this.mask = slots.length / 2 - 1;
		}

		static CompactWeights read(InputStream raw) throws IOException {
			DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
			if (in.readInt() != MAGIC) {
				throw new IOException("Not a name-tagger model");
			}
			int labels = in.readInt();
			if (labels != LABELS.length) {
				throw new IOException("The model has " + labels + " labels, this code " + LABELS.length);
			}
			float scale = in.readFloat();
			int count = in.readInt();
			int capacity = Integer.highestOneBit(Math.max(4, count * 2 - 1)) << 1;
			long[] slots = new long[capacity * 2];
			float[] values = new float[count * labels];
			for (int f = 0; f < count; f++) {
				long key = in.readLong();
				int present = in.readUnsignedShort();
				for (int label = 0; label < labels; label++) {
					if ((present & (1 << label)) != 0) {
						values[f * labels + label] = in.readShort() / scale;
					}
				}
				int slot = slot(key, capacity - 1);
				while (slots[2 * slot + 1] != 0) {
					slot = (slot + 1) & (capacity - 1);
				}
				slots[2 * slot] = key;
				slots[2 * slot + 1] = f + 1;
			}
			return new CompactWeights(slots, values);
		}

		@Override
		public void addTo(long feature, float[] scores) {
			int slot = slot(feature, this.mask);
			long row;
			while ((row = this.slots[2 * slot + 1]) != 0) {
				if (this.slots[2 * slot] == feature) {
					int base = (int) (row - 1) * scores.length;
					for (int label = 0; label < scores.length; label++) {
						scores[label] += this.values[base + label];
					}
					return;
				}
				slot = (slot + 1) & this.mask;
			}
		}

		private static int slot(long key, int mask) {
			return (int) (key ^ (key >>> 29)) & mask;
		}

	}

}
