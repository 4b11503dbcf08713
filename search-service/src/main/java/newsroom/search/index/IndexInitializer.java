package newsroom.search.index;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import newsroom.search.config.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.stereotype.Component;

/**
 * Makes sure the index template and alias, and every other index a feature declares as an
 * {@link IndexSetup}, exist before the application starts consuming or serving. Runs
 * during context refresh, so the Kafka listeners (started afterwards) never write into a
 * missing alias; waits for Elasticsearch up to the configured start-up timeout, then
 * fails the start.
 */
@Component
class IndexInitializer implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(IndexInitializer.class);

	private static final Duration FIRST_PAUSE = Duration.ofMillis(500);

	private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

	private final ElasticsearchClient client;

	private final List<IndexSetup> setups;

	private final Duration timeout;

	IndexInitializer(ElasticsearchClient client, List<IndexSetup> setups, SearchProperties properties) {
		this.client = client;
		this.setups = List.copyOf(setups);
		this.timeout = properties.index().startupTimeout();
	}

	@Override
	public void afterPropertiesSet() throws Exception {
		RetryTemplate retries = new RetryTemplate(RetryPolicy.builder()
			.predicate(IndexInitializer::isTransient)
			.delay(FIRST_PAUSE)
			.multiplier(2)
			.maxDelay(MAX_PAUSE)
			.maxRetries(Long.MAX_VALUE)
			.timeout(this.timeout)
			.build());
		retries.setRetryListener(new RetryListener() {

			@Override
			public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
				logger.warn("Elasticsearch not ready ({}); retry {}", state.getLastException().getMessage(),
						state.getRetryCount());
			}

		});
		try {
			retries.execute(() -> {
				this.client.cluster()
					.health((request) -> request.waitForStatus(HealthStatus.Yellow).timeout((t) -> t.time("10s")));
				for (IndexSetup setup : this.setups) {
					setup.ensureExists();
				}
				return null;
			});
		}
		catch (RetryException ex) {
			Throwable failure = ex.getCause();
			if (isTransient(failure)) {
				throw new IllegalStateException("Elasticsearch not ready within " + this.timeout, failure);
			}
			// Waiting would not fix it: the start fails with it as it is.
			if (failure instanceof Exception exception) {
				throw exception;
			}
			throw (Error) failure;
		}
	}

	/**
	 * Whether waiting may help: the node is unreachable, or answered with a timeout,
	 * throttling or a server error. Any other 4xx is our request's fault.
	 */
	private static boolean isTransient(Throwable failure) {
		if (failure instanceof ElasticsearchException es) {
			int status = es.status();
			return status == 408 || status == 429 || status >= 500;
		}
		return failure instanceof IOException;
	}

}
