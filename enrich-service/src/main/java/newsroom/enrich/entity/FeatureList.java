package newsroom.enrich.entity;

import java.util.Arrays;

/**
 * A growable array of feature hashes: a token's features are collected without boxing
 * them, since the tagger asks for them token by token.
 */
final class FeatureList {

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
