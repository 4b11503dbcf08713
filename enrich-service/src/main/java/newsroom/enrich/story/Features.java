package newsroom.enrich.story;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import newsroom.enrich.story.ArticleProfile.ProfileEntity;

/**
 * An {@link ArticleProfile} in the compact form the story index keeps in memory and
 * compares: terms as sorted 64-bit hashes with their weights, so that a cosine is one
 * merge of two short arrays, and entities by their matching key.
 */
final class Features {

	/** How many of its heaviest terms find an article's story candidates. */
	static final int LOOKUP_TERMS = 10;

	private final String articleId;

	private final long publishedAt;

	private final long[] terms;

	private final float[] termWeights;

	private final String[][] entityKeys;

	private final float[] entityWeights;

	private final List<ProfileEntity> entities;

	private final List<String> tags;

	private final String source;

	private final long[] lookupKeys;

	/** Hashes of the figures among the terms, sorted. */
	private final long[] figures;

	/** Hashes of the results the lead gives, sorted. */
	private final long[] results;

	private Features(String articleId, ArticleProfile profile) {
		this.articleId = articleId;
		this.entities = profile.entities();
		this.tags = profile.tags();
		this.source = profile.source();
		this.publishedAt = profile.publishedAt().toEpochMilli();
		Map.Entry<String, Double>[] entries = sortedByHash(profile.terms());
		this.terms = new long[entries.length];
		this.termWeights = new float[entries.length];
		for (int i = 0; i < entries.length; i++) {
			this.terms[i] = hash(entries[i].getKey());
			this.termWeights[i] = entries[i].getValue().floatValue();
		}
		List<ProfileEntity> entities = profile.entities();
		this.entityKeys = new String[entities.size()][];
		this.entityWeights = new float[entities.size()];
		for (int i = 0; i < entities.size(); i++) {
			this.entityKeys[i] = entities.get(i).keys().toArray(new String[0]);
			this.entityWeights[i] = (float) entities.get(i).salience();
		}
		this.lookupKeys = lookupKeys(profile, this.entityKeys);
		this.figures = profile.terms()
			.keySet()
			.stream()
			.filter(ArticleProfiler::isFigure)
			.mapToLong(Features::hash)
			.sorted()
			.toArray();
		this.results = profile.results().stream().mapToLong(Features::hash).sorted().toArray();
	}

	static Features of(String articleId, ArticleProfile profile) {
		return new Features(articleId, profile);
	}

	String articleId() {
		return this.articleId;
	}

	long publishedAt() {
		return this.publishedAt;
	}

	List<ProfileEntity> entities() {
		return this.entities;
	}

	List<String> tags() {
		return this.tags;
	}

	String source() {
		return this.source;
	}

	/**
	 * The keys under which the story index finds this article's story: its
	 * {@value #LOOKUP_TERMS} heaviest terms and its entities, hashed.
	 * @return the keys
	 */
	long[] lookupKeys() {
		return this.lookupKeys;
	}

	/**
	 * The cosine of two articles' content terms (both of unit length).
	 * @param other the other article
	 * @return 0..1
	 */
	double cosine(Features other) {
		double dot = 0;
		int i = 0;
		int j = 0;
		while (i < this.terms.length && j < other.terms.length) {
			if (this.terms[i] == other.terms[j]) {
				dot += this.termWeights[i++] * other.termWeights[j++];
			}
			else if (this.terms[i] < other.terms[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		return Math.min(1, dot);
	}

	/**
	 * Whether both articles give figures and none of them agree.
	 * @param other the other article
	 * @return {@code true} when each has a figure and they share none
	 */
	boolean figuresDisagree(Features other) {
		return disagree(this.figures, other.figures);
	}

	/**
	 * Whether both articles' leads give results and none of them agree: two games, not
	 * two versions of one, whatever their later sentences recall.
	 * @param other the other article
	 * @return {@code true} when each lead has a result and they share none
	 */
	boolean resultsDisagree(Features other) {
		return disagree(this.results, other.results);
	}

	/** Both sorted sets are non-empty and share nothing. */
	private static boolean disagree(long[] one, long[] other) {
		if (one.length == 0 || other.length == 0) {
			return false;
		}
		for (long value : one) {
			if (Arrays.binarySearch(other, value) >= 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The weighted Jaccard overlap of two articles' salient entities: the sum of the
	 * smaller salience of each entity they share over the sum of the larger, where an
	 * entity missing from one article counts 0 there; 0 when neither has any. Entities
	 * are one when they share a key ({@link EntityKeys}), each matched at most once.
	 * @param other the other article
	 * @return 0..1
	 */
	double entityOverlap(Features other) {
		double smaller = 0;
		double total = 0;
		boolean[] taken = new boolean[other.entityKeys.length];
		for (int i = 0; i < this.entityKeys.length; i++) {
			total += this.entityWeights[i];
			int j = other.match(this.entityKeys[i], taken);
			if (j >= 0) {
				taken[j] = true;
				smaller += Math.min(this.entityWeights[i], other.entityWeights[j]);
			}
		}
		for (float weight : other.entityWeights) {
			total += weight;
		}
		// The larger of each shared pair plus every unshared entity.
		double larger = total - smaller;
		return (larger <= 0) ? 0 : smaller / larger;
	}

	private int match(String[] keys, boolean[] taken) {
		for (int j = 0; j < this.entityKeys.length; j++) {
			if (!taken[j] && shareAny(keys, this.entityKeys[j])) {
				return j;
			}
		}
		return -1;
	}

	private static boolean shareAny(String[] keys, String[] others) {
		for (String key : keys) {
			for (String other : others) {
				if (key.equals(other)) {
					return true;
				}
			}
		}
		return false;
	}

	private static long[] lookupKeys(ArticleProfile profile, String[][] entityKeys) {
		LongStream terms = profile.terms().keySet().stream().limit(LOOKUP_TERMS).mapToLong(Features::hash);
		LongStream entities = Arrays.stream(entityKeys).flatMap(Arrays::stream).mapToLong(Features::hash);
		return LongStream.concat(terms, entities).distinct().toArray();
	}

	@SuppressWarnings("unchecked")
	private static Map.Entry<String, Double>[] sortedByHash(Map<String, Double> terms) {
		Map.Entry<String, Double>[] entries = terms.entrySet().toArray(new Map.Entry[0]);
		Arrays.sort(entries, (a, b) -> Long.compare(hash(a.getKey()), hash(b.getKey())));
		return entries;
	}

	/** 64-bit FNV-1a: collisions among a story window's terms are negligible. */
	static long hash(String text) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash *= 0x100000001b3L;
		}
		return hash;
	}

}
