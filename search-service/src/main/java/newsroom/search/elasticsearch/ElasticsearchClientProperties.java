package newsroom.search.elasticsearch;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Connection settings of the Elasticsearch client, bound from
 * {@code newsroom.elasticsearch.*} so that tests and deployments override them the way
 * they override {@code spring.kafka.*}.
 *
 * @param uris the nodes to talk to
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout how long to wait for an answer
 */
@Validated
@ConfigurationProperties("newsroom.elasticsearch")
public record ElasticsearchClientProperties(@DefaultValue("http://127.0.0.1:9200") @NotEmpty List<URI> uris,
		@DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration socketTimeout) {
}
