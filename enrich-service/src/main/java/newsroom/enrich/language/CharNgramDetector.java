package newsroom.enrich.language;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * and the same maximum-entropy sums, but the n-grams collected into one set of strings
 * (OpenNLP builds an n-gram model and a map of counts it then ignores) and the weights
 * summed straight from the model's table. Languages come out in the same order: only the
 * order in which the n-grams' weights are added differs, which moves a sum in its last
 * bits. Immutable and thread-safe.
 */
final class CharNgramDetector {

	/** What {@code LanguageDetectorFactory} gives the detector, in its order. */
	private static final CharSequenceNormalizer NORMALIZER = new AggregateCharSequenceNormalizer(
			EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
			TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
			ShrinkCharSequenceNormalizer.getInstance());

	private static final int MIN_GRAM = 1, MAX_GRAM = 3;

	private final Map<String, Context> weights;

	private final String[] languages;

	/** OpenNLP's uniform prior, the log of one over the number of languages. */
	private final double prior;

	@SuppressWarnings("unchecked")
	CharNgramDetector(LanguageDetectorModel model) {
		MaxentModel maxent = model.getMaxentModel();
		// The model's predicate table: {parameters, predicate map, outcome names}.
		Object[] structures = ((AbstractModel) maxent).getDataStructures();
		this.weights = (Map<String, Context>) structures[1];
		this.languages = new String[maxent.getNumOutcomes()];
		Arrays.setAll(this.languages, maxent::getOutcome);
		this.prior = StrictMath.log(1.0 / this.languages.length);
	}

	/**
	 * The model's languages for a text, most likely first, as OpenNLP ranks them.
	 * @param text the text to detect
	 * @return the ISO 639-3 codes (and the like) of the model, best first
	 */
	List<String> languages(CharSequence text) {
		double[] scores = new double[this.languages.length];
		Arrays.fill(scores, this.prior);
		for (String gram : grams(NORMALIZER.normalize(text))) {
			Context context = this.weights.get(gram);
			if (context != null) {
				int[] outcomes = context.getOutcomes();
				double[] parameters = context.getParameters();
				for (int k = 0; k < outcomes.length; k++) {
					scores[outcomes[k]] += parameters[k];
				}
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
		Arrays.sort(order, Comparator.comparing((Integer l) -> scores[l], (a, b) -> Double.compare(b, a)));
		return Arrays.stream(order).map((l) -> this.languages[l]).toList();
	}

	/**
	 * The distinct lower-cased n-grams, lower-cased code point by code point as OpenNLP.
	 */
	private static Set<String> grams(CharSequence normalised) {
		int length = normalised.length();
		char[] lower = new char[length];
		boolean surrogates = false;
		for (int i = 0; i < length; i++) {
			char c = normalised.charAt(i);
			surrogates |= Character.isSurrogate(c);
			lower[i] = (char) Character.toLowerCase((int) c);
		}
		Set<String> grams = new HashSet<>(length * 4);
		for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
			for (int i = 0; i + n <= length; i++) {
				// A gram that cuts or holds a surrogate pair is lower-cased as a whole.
				grams.add(surrogates ? lowerCase(normalised.subSequence(i, i + n)) : new String(lower, i, n));
			}
		}
		return grams;
	}

	private static String lowerCase(CharSequence gram) {
		int[] codePoints = gram.codePoints().map(Character::toLowerCase).toArray();
		return new String(codePoints, 0, codePoints.length);
	}

}
