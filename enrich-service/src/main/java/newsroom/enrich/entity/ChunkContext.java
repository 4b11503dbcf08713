package newsroom.enrich.entity;

import java.util.Set;

/**
 * The tagger's features of a capitalised chunk as a whole, given to each of its tokens:
 * how the chunk is used (the words before it) and what kind of words it holds beside the
 * token. What a name is often shows in how it is used ("signed with", "played for the",
 * "member of the") rather than in its own words.
 */
final class ChunkContext {

	private static final Set<String> ARTICLES = Set.of("the", "a", "an");

	private ChunkContext() {
	}

	/**
	 * The one or two words before the chunk, an article skipped. (The word after it was
	 * tried too: it split "Vladimir Putin met" and scored lower in cross-validation.)
	 */
	static void add(FeatureList f, String[] lower, int start) {
		int before = start - 1;
		if (before >= 0 && ARTICLES.contains(lower[before])) {
			before--;
		}
		if (before >= 0) {
			f.add(FeatureHash.of(TokenFeatures.CHUNK_BEFORE, lower[before]));
			if (before >= 1) {
				f.add(FeatureHash.of(TokenFeatures.CHUNK_BEFORE_TWO, lower[before - 1], lower[before]));
			}
		}
	}

	/**
	 * Organisation and place words elsewhere in the chunk ("Hinkley Locomotive Works",
	 * "Hotel Essex"), before or after the token, so that every word of the name knows.
	 */
	static void addKinds(FeatureList f, Gazetteer lists, String[] words, int i, int start, int end) {
		for (int k = start; k < end; k++) {
			if (k == i) {
				continue;
			}
			String side = (k < i) ? "before:" : "after:";
			if (lists.organisationWord(words[k])) {
				f.add(FeatureHash.of(TokenFeatures.CHUNK_KIND, side + "org"));
			}
			else if (lists.placeWord(words[k])) {
				f.add(FeatureHash.of(TokenFeatures.CHUNK_KIND, side + "place"));
			}
		}
	}

}
