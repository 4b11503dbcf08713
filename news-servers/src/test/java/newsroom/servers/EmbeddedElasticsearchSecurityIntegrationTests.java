package newsroom.servers;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link EmbeddedElasticsearch} with security on: HTTPS with a generated certificate and
 * a file-realm user with search-service's role. The user gets in, and only to the indices
 * the role names; a wrong password, no password and plain HTTP do not.
 */
class EmbeddedElasticsearchSecurityIntegrationTests {

	private static final String HEALTH = "/_cluster/health?wait_for_status=yellow&timeout=10s";

	/** The node's own folder: the node's user must reach it, and nothing above it is. */
	@TempDir
	static Path workDir;

	@TempDir
	static Path tlsDir;

	static ElasticsearchSecurity security;

	static EmbeddedElasticsearch node;

	static HttpClient https;

	@BeforeAll
	static void startNode() {
		security = new ElasticsearchSecurity("newsroom-search", "es-secret-1",
				List.of(ElasticsearchSecurity.SEARCH_SERVICE_ROLE), TlsCertificate.selfSigned(tlsDir));
		node = EmbeddedElasticsearch.start(workDir, 0, Map.of(), security);
		https = HttpClient.newBuilder()
			.sslContext(security.certificate().trustingContext())
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	@AfterAll
	static void stopNode() {
		node.close();
	}

	@Test
	void answersUserOverHttps() {
		HttpResponse<String> health = call(security.authorization(), "GET", HEALTH, null);

		assertThat(node.uri()).startsWith("https://127.0.0.1:");
		assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
		assertThat(health.body()).contains("\"cluster_name\":\"newsroom\"");
	}

	@Test
	void letsSearchServiceRoleWriteNewsIndicesOnly() {
		HttpResponse<String> news = call(security.authorization(), "PUT", "/news-check/_doc/1?refresh=true",
				"{\"title\":\"Ferry crews strike\"}");
		HttpResponse<String> elsewhere = call(security.authorization(), "PUT", "/elsewhere/_doc/1",
				"{\"title\":\"Ferry crews strike\"}");

		assertThat(news.statusCode()).as(news.body()).isEqualTo(201);
		assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(403);
	}

	@Test
	void refusesWrongPasswordAndMissingCredentials() {
		HttpResponse<String> wrong = call(security.authorization("not-the-password"), "GET", HEALTH, null);
		HttpResponse<String> none = call(null, "GET", HEALTH, null);

		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.body()).contains("security_exception");
		assertThat(none.statusCode()).isEqualTo(401);
	}

	@Test
	void refusesPlainHttp() {
		String plain = node.uri().replace("https://", "http://");

		assertThatIllegalStateException().isThrownBy(() -> ServerChecks.call("GET", plain + HEALTH, null))
			.withCauseInstanceOf(IOException.class);
	}

	private static HttpResponse<String> call(String authorization, String method, String path, String json) {
		return ServerChecks.call(https, authorization, method, node.uri() + path, json);
	}

}
