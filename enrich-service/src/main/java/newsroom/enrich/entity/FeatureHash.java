package newsroom.enrich.entity;

/**
 * 64-bit FNV-1a hashes of the tagger's features: a feature is a template number and a
 * text, hashed without building a string, so extracting features allocates nothing. With
 * some hundred thousand features, 64 bits make a collision unlikely.
 */
final class FeatureHash {

	private static final long OFFSET = 0xcbf29ce484222325L;

	private static final long PRIME = 0x100000001b3L;

	private FeatureHash() {
	}

	/** A feature of a template alone (a flag). */
	static long of(int template) {
		return mix(OFFSET, template);
	}

	/** A feature of a template and a text. */
	static long of(int template, CharSequence text) {
		long hash = mix(OFFSET, template);
		for (int i = 0; i < text.length(); i++) {
			hash = mix(hash, text.charAt(i));
		}
		return hash;
	}

	/** A feature of a template and two texts, kept apart by a separator. */
	static long of(int template, CharSequence first, CharSequence second) {
		long hash = of(template, first);
		hash = mix(hash, 0x1F);
		for (int i = 0; i < second.length(); i++) {
			hash = mix(hash, second.charAt(i));
		}
		return hash;
	}

	/** A feature of a template and a small number (a bucket, a label). */
	static long of(int template, int value) {
		return mix(mix(OFFSET, template), 0x10000 + value);
	}

	/** Combines an existing feature with a number, such as the previous label. */
	static long with(long feature, int value) {
		return mix(mix(feature, 0x1E), 0x20000 + value);
	}

	private static long mix(long hash, int value) {
		hash ^= (value & 0xFF);
		hash *= PRIME;
		hash ^= (value >>> 8) & 0xFFFF;
		hash *= PRIME;
		return hash;
	}

}
