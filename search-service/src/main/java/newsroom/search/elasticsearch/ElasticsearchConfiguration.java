package newsroom.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import newsroom.search.config.SearchProperties;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elasticsearch 8.19 client: a low-level {@link RestClient} wrapped in the Java API
 * client. Boot's own Elasticsearch auto-configuration targets the 9.x client, which an
 * 8.19 server refuses, so the wiring is ours.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

	@Bean(destroyMethod = "close")
	RestClient elasticsearchRestClient(ElasticsearchClientProperties properties) {
		HttpHost[] hosts = properties.uris()
			.stream()
			.map((uri) -> HttpHost.create(uri.toString()))
			.toArray(HttpHost[]::new);
		int connectTimeout = Math.toIntExact(properties.connectTimeout().toMillis());
		int socketTimeout = Math.toIntExact(properties.socketTimeout().toMillis());
		return RestClient.builder(hosts)
			.setRequestConfigCallback(
					(config) -> config.setConnectTimeout(connectTimeout).setSocketTimeout(socketTimeout))
			.build();
	}

	@Bean
	ElasticsearchClient elasticsearchClient(RestClient restClient) {
		// Jackson 3 mapper: the Jackson 2 one cannot write java.time values.
		return new ElasticsearchClient(new RestClientTransport(restClient, new Jackson3JsonpMapper()));
	}

	@Bean
	QueryClient queryClient(ElasticsearchClient client, ElasticsearchClientProperties connection,
			SearchProperties properties) {
		return new QueryClient(client, connection, properties.query().timeout());
	}

	@Bean
	ElasticsearchHealthIndicator elasticsearchHealthIndicator(ElasticsearchClient client) {
		return new ElasticsearchHealthIndicator(client);
	}

}
