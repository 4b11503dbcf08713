package newsroom.search.elasticsearch;

import java.util.Optional;
import javax.net.ssl.SSLContext;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import newsroom.search.config.SearchProperties;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elasticsearch 8.19 client: a low-level {@link RestClient} wrapped in the Java API
 * client. Boot's own Elasticsearch auto-configuration targets the 9.x client, which an
 * 8.19 server refuses, so the wiring is ours.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ElasticsearchConfiguration.class);

	/**
	 * The one low-level client under every Elasticsearch call of the service (writes,
	 * reads, health, reindex), so credentials and TLS apply to all of them.
	 */
	@Bean(destroyMethod = "close")
	RestClient elasticsearchRestClient(ElasticsearchClientProperties properties) {
		HttpHost[] hosts = properties.uris()
			.stream()
			.map((uri) -> HttpHost.create(uri.toString()))
			.toArray(HttpHost[]::new);
		int connectTimeout = Math.toIntExact(properties.connectTimeout().toMillis());
		int socketTimeout = Math.toIntExact(properties.socketTimeout().toMillis());
		RestClientBuilder builder = RestClient.builder(hosts)
			.setRequestConfigCallback(
					(config) -> config.setConnectTimeout(connectTimeout).setSocketTimeout(socketTimeout));
		ClientSecurity.authorization(properties)
			.ifPresent((header) -> builder.setDefaultHeaders(new Header[] { header }));
		Optional<SSLContext> ssl = ClientSecurity.sslContext(properties);
		int perNode = properties.maxConnections();
		builder.setHttpClientConfigCallback((client) -> {
			ssl.ifPresent(client::setSSLContext);
			return client.setMaxConnPerRoute(perNode).setMaxConnTotal(perNode * hosts.length);
		});
		logger.info("Elasticsearch at {}; authentication: {}; TLS trust: {}", properties.uris(),
				properties.authentication(), properties.trust());
		return builder.build();
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
