package newsroom.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the cluster's health as the {@code elasticsearch} health component. Uses
 * {@code _cluster/health} because the embedded node answers {@code GET /} with 405; a
 * yellow cluster (unassigned replicas) still serves reads and writes, so only red is
 * down.
 */
class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

	private final ElasticsearchClient client;

	ElasticsearchHealthIndicator(ElasticsearchClient client) {
		super("Elasticsearch health check failed");
		this.client = client;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		HealthResponse health = this.client.cluster().health();
		if (health.status() == HealthStatus.Red) {
			builder.down();
		}
		else {
			builder.up();
		}
		builder.withDetail("clusterName", health.clusterName())
			.withDetail("status", health.status().jsonValue())
			.withDetail("numberOfNodes", health.numberOfNodes())
			.withDetail("activeShards", health.activeShards())
			.withDetail("unassignedShards", health.unassignedShards());
	}

}
