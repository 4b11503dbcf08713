package newsroom.search.index;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import newsroom.search.config.SearchProperties;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Makes sure the index template and alias exist before the application starts consuming
 * or serving. Runs during context refresh, so the Kafka listeners (started afterwards)
 * never write into a missing alias; waits for Elasticsearch up to the configured start-up
 * timeout, then fails the start.
 */
@Component
class IndexInitializer implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(IndexInitializer.class);

	private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

	private final ElasticsearchClient client;

	private final NewsIndex index;

	private final Duration timeout;

	IndexInitializer(ElasticsearchClient client, NewsIndex index, SearchProperties properties) {
		this.client = client;
		this.index = index;
		this.timeout = properties.index().startupTimeout();
	}

	@Override
	public void afterPropertiesSet() throws Exception {
		Instant deadline = Instant.now().plus(this.timeout);
		Duration pause = Duration.ofMillis(500);
		while (true) {
			try {
				this.client.cluster()
					.health((request) -> request.waitForStatus(HealthStatus.Yellow).timeout((t) -> t.time("10s")));
				this.index.ensureExists();
				return;
			}
			catch (IOException | ElasticsearchException ex) {
				if (ex instanceof ElasticsearchException es && !isTransient(es.status())) {
					throw es;
				}
				if (Instant.now().plus(pause).isAfter(deadline)) {
					throw new IllegalStateException("Elasticsearch not ready within " + this.timeout, ex);
				}
				logger.warn("Elasticsearch not ready ({}); retrying in {} ms", ex.getMessage(), pause.toMillis());
				Thread.sleep(pause.toMillis());
				pause = (pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0) ? MAX_PAUSE : pause.multipliedBy(2);
			}
		}
	}

	private static boolean isTransient(int status) {
		// A 4xx other than a timeout or throttling is our request's fault: waiting will
		// not
		// fix it.
		return status == 408 || status == 429 || status >= 500;
	}

}
