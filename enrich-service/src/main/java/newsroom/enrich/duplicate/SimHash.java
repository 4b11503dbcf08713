package newsroom.enrich.duplicate;

import java.util.List;
import java.util.Locale;

/**
 * 64-bit SimHash (Charikar) over word shingles: each run of {@link #SHINGLE} consecutive
 * lower-case words is hashed to 64 bits, every bit votes +1 or −1, and the fingerprint
 * keeps the sign of each bit's total. Texts that share most shingles get fingerprints
 * that differ in few bits; unrelated texts differ in about 32.
 */
public final class SimHash {

	/** Words per shingle. */
	public static final int SHINGLE = 3;

	private SimHash() {
	}

	/**
	 * The fingerprint of a text's words.
	 * @param words the words, in order (punctuation already left out)
	 * @return the fingerprint; 0 for an empty text
	 */
	public static long of(List<String> words) {
		if (words.isEmpty()) {
			return 0;
		}
		// Each word is in up to three shingles: lower-cased once.
		String[] lower = new String[words.size()];
		for (int i = 0; i < lower.length; i++) {
			lower[i] = words.get(i).toLowerCase(Locale.ROOT);
		}
		int[] votes = new int[64];
		int shingles = Math.max(1, words.size() - SHINGLE + 1);
		for (int i = 0; i < shingles; i++) {
			long hash = 0xcbf29ce484222325L;
			for (int j = i; j < Math.min(lower.length, i + SHINGLE); j++) {
				hash = fnv(hash, lower[j]);
				hash = fnv(hash, " ");
			}
			hash = mix(hash);
			for (int bit = 0; bit < 64; bit++) {
				votes[bit] += ((hash >>> bit) & 1L) != 0 ? 1 : -1;
			}
		}
		long fingerprint = 0;
		for (int bit = 0; bit < 64; bit++) {
			if (votes[bit] > 0) {
				fingerprint |= 1L << bit;
			}
		}
		return fingerprint;
	}

	/**
	 * How many bits two fingerprints differ in.
	 * @param a a fingerprint
	 * @param b another
	 * @return the Hamming distance, 0 to 64
	 */
	public static int distance(long a, long b) {
		return Long.bitCount(a ^ b);
	}

	private static long fnv(long hash, String text) {
		long h = hash;
		for (int i = 0; i < text.length(); i++) {
			h ^= text.charAt(i);
			h *= 0x100000001b3L;
		}
		return h;
	}

	/** FNV's low bits are weak on short inputs; a finaliser spreads them. */
	private static long mix(long h) {
		long z = h;
		z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
		z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return z ^ (z >>> 33);
	}

}
