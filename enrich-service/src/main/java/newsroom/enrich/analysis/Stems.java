package newsroom.enrich.analysis;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import opennlp.tools.stemmer.PorterStemmer;

/**
 * Porter stems of English words, so that "troops" and "troop", "invaded" and "invade"
 * count as one. Keeps a cache per instance: one per article ({@link Document#stems()}),
 * on one thread.
 */
public final class Stems {

	// PorterStemmer keeps its working buffer in fields: one per thread.
	private static final ThreadLocal<PorterStemmer> stemmers = ThreadLocal.withInitial(PorterStemmer::new);

	private final Map<String, String> cache = new HashMap<>();

	/**
	 * The stem of a word.
	 * @param word a word in any case
	 * @return its lower-case stem
	 */
	public String stem(String word) {
		return this.cache.computeIfAbsent(word, Stems::compute);
	}

	/**
	 * The stem of a word, without a cache.
	 * @param word a word in any case
	 * @return its lower-case stem
	 */
	public static String compute(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		if (lower.length() <= 2) {
			return lower;
		}
		PorterStemmer stemmer = stemmers.get();
		stemmer.reset();
		return stemmer.stem(lower);
	}

}
