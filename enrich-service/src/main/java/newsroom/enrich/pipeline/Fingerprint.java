package newsroom.enrich.pipeline;

import java.time.Instant;
import java.util.HexFormat;

/**
 * Value of a record on the service's own compacted fingerprint topic, key = article id:
 * what the near-duplicate check needs to survive a restart.
 *
 * @param id the article id
 * @param simhash the 64-bit SimHash, as 16 hexadecimal digits
 * @param firstSeenAt when the article was first enriched
 */
record Fingerprint(String id, String simhash, Instant firstSeenAt) {

	static Fingerprint of(String id, long simhash, Instant firstSeenAt) {
		return new Fingerprint(id, HexFormat.of().toHexDigits(simhash), firstSeenAt);
	}

	long value() {
		return HexFormat.fromHexDigitsToLong(this.simhash);
	}

}
