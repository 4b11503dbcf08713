package newsroom.search.elasticsearch;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import newsroom.search.config.SearchProperties;
import newsroom.servers.ElasticsearchSecurity;
import newsroom.servers.EmbeddedElasticsearch;
import newsroom.testkit.SecuredServers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * search-service's Elasticsearch client against a node with security on (HTTPS with a
 * self-signed certificate, a file-realm user with search-service's role), built from the
 * service's own settings: a user and password, and the CA to trust. A wrong password and
 * an untrusted certificate are refused, and the health check says so. (API keys live in
 * the {@code .security} index, which the embedded distribution cannot create: its mapping
 * needs the {@code analysis-common} module that the integ-test distribution leaves out.
 * {@link ClientSecurityTests} covers the header an API key sends.)
 */
class ElasticsearchClientSecurityIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(ClientOnly.class);

	@Test
	void readsAndWritesWithUserAndPasswordOverHttps() {
		this.runner
			.withPropertyValues(settings(Map.of("username", SecuredServers.ELASTICSEARCH_USER, "password",
					security().password(), "ca-certificate", caCertificate())))
			.run((context) -> {
				ElasticsearchClient client = context.getBean(ElasticsearchClient.class);

				assertThat(health(context.getBean(ElasticsearchHealthIndicator.class)).getStatus())
					.isEqualTo(Status.UP);
				assertThat(client.index((doc) -> doc.index(index("password")).document(Map.of("title", "Ferry strike")))
					.result()
					.jsonValue()).isEqualTo("created");
			});
	}

	@Test
	void refusesWrongPassword() {
		this.runner
			.withPropertyValues(settings(Map.of("username", SecuredServers.ELASTICSEARCH_USER, "password",
					"not-the-password", "ca-certificate", caCertificate())))
			.run((context) -> {
				ElasticsearchClient client = context.getBean(ElasticsearchClient.class);

				assertThatExceptionOfType(ElasticsearchException.class).isThrownBy(() -> client.cluster().health())
					.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401))
					.satisfies((ex) -> assertThat(ex.error().type()).isEqualTo("security_exception"));
				assertThat(health(context.getBean(ElasticsearchHealthIndicator.class)).getStatus())
					.isEqualTo(Status.DOWN);
			});
	}

	@Test
	void refusesNodeWhoseCertificateItDoesNotTrust() {
		this.runner
			.withPropertyValues(
					settings(Map.of("username", SecuredServers.ELASTICSEARCH_USER, "password", security().password())))
			.run((context) -> {
				assertThatExceptionOfType(SSLHandshakeException.class)
					.isThrownBy(() -> context.getBean(ElasticsearchClient.class).cluster().health())
					.withMessageContaining("PKIX path building failed");
				assertThat(health(context.getBean(ElasticsearchHealthIndicator.class)).getStatus())
					.isEqualTo(Status.DOWN);
			});
	}

	@Test
	void refusesUserWithoutPasswordAtStartup() {
		this.runner.withPropertyValues(settings(Map.of("username", SecuredServers.ELASTICSEARCH_USER)))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("set username and password together, or api-key alone"));
	}

	private static Health health(ElasticsearchHealthIndicator indicator) {
		return indicator.health(true);
	}

	private static ElasticsearchSecurity security() {
		return SecuredServers.elasticsearchSecurity();
	}

	private static String caCertificate() {
		return SecuredServers.certificate().certificate().toString();
	}

	private static String[] settings(Map<String, String> security) {
		EmbeddedElasticsearch node = SecuredServers.elasticsearch();
		return Stream
			.concat(Stream.of("newsroom.elasticsearch.uris=" + node.uri()),
					security.entrySet()
						.stream()
						.map((setting) -> "newsroom.elasticsearch." + setting.getKey() + "=" + setting.getValue()))
			.toArray(String[]::new);
	}

	private static String index(String kind) {
		return "news-client-" + kind + "-" + UUID.randomUUID();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ElasticsearchClientProperties.class, SearchProperties.class })
	@Import(ElasticsearchConfiguration.class)
	static class ClientOnly {

	}

}
