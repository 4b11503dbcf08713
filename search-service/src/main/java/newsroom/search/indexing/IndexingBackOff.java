package newsroom.search.indexing;

import newsroom.search.config.SearchProperties;

import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The pauses between attempts to write a batch that Elasticsearch could not take, for the
 * live listener and the reindex command alike.
 */
final class IndexingBackOff {

	private IndexingBackOff() {
	}

	/**
	 * Exponential pauses that never give up: Elasticsearch being away is never a reason
	 * to drop an article.
	 * @param settings the configured intervals
	 * @return the back-off
	 */
	static ExponentialBackOff of(SearchProperties.Indexing settings) {
		ExponentialBackOff backOff = new ExponentialBackOff(settings.retryInitialInterval().toMillis(),
				settings.retryMultiplier());
		backOff.setMaxInterval(settings.retryMaxInterval().toMillis());
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		return backOff;
	}

}
