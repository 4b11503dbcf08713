package newsroom.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;
import newsroom.web.WebGuardsProperties.RateLimitSettings;

/**
 * One Bucket4j token bucket per client, at most {@code maxClients} of them: the least
 * recently seen client's bucket is dropped first, so that a flood of new addresses costs
 * bounded memory (a dropped client starts again with a full bucket).
 */
final class ClientBuckets {

	private final RateLimitSettings settings;

	private final Map<String, Bucket> buckets;

	ClientBuckets(RateLimitSettings settings) {
		this.settings = settings;
		this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > settings.maxClients();
			}

		};
	}

	/**
	 * The bucket of a client, new and full when the client is new.
	 * @param client who is asking: a key's or an address's name
	 * @return its bucket
	 */
	synchronized Bucket of(String client) {
		return this.buckets.computeIfAbsent(client, (name) -> newBucket());
	}

	private Bucket newBucket() {
		// Greedy refill: tokens come back evenly over the period, not all at its end.
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.settings.capacity())
				.refillGreedy(this.settings.refillTokens(), this.settings.refillPeriod()))
			.build();
	}

}
