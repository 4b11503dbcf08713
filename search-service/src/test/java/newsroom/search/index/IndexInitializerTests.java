package newsroom.search.index;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import newsroom.search.config.SearchProperties;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class IndexInitializerTests {

	@Test
	void failsTheStartWhenElasticsearchIsNotReadyWithinTheTimeout() throws IOException {
		SearchProperties properties = new Binder(
				new MapConfigurationPropertySource(Map.of("newsroom.search.index.startup-timeout", "2s")))
			.bindOrCreate("newsroom.search", SearchProperties.class);
		try (RestClient rest = RestClient.builder(new HttpHost("127.0.0.1", unusedPort())).build()) {
			ElasticsearchClient client = new ElasticsearchClient(
					new RestClientTransport(rest, new Jackson3JsonpMapper()));
			IndexInitializer initializer = new IndexInitializer(client, List.of(new NewsIndex(client, properties)),
					properties);
			Instant started = Instant.now();
			assertThatIllegalStateException().isThrownBy(initializer::afterPropertiesSet)
				.withMessage("Elasticsearch not ready within PT2S")
				.withCauseInstanceOf(IOException.class);
			// Refused at once, then asked again after 0.5 s and 1 s; a third pause of 2 s
			// would end past the timeout, so it gives up (the upper bound is slack).
			assertThat(Duration.between(started, Instant.now())).isBetween(Duration.ofMillis(1500),
					Duration.ofSeconds(5));
		}
	}

	private static int unusedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
