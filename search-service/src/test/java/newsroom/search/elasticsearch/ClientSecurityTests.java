package newsroom.search.elasticsearch;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;

import newsroom.servers.TlsCertificate;
import org.apache.http.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the client sends and trusts for each combination of settings; the same settings
 * against a secured node are in {@link ElasticsearchClientSecurityIntegrationTests}.
 */
class ClientSecurityTests {

	@TempDir
	Path folder;

	@Test
	void sendsNoCredentialsAndKeepsJvmTrustByDefault() {
		ElasticsearchClientProperties open = properties(null, null, null, null, null);

		assertThat(ClientSecurity.authorization(open)).isEmpty();
		assertThat(ClientSecurity.sslContext(open)).isEmpty();
		assertThat(open.authentication()).isEqualTo("none");
		assertThat(open.trust()).isEqualTo("JVM default");
	}

	@Test
	void sendsBasicCredentialsOfUser() {
		ElasticsearchClientProperties user = properties("newsroom-search", "s3cret:with colon", null, null, null);

		assertThat(ClientSecurity.authorization(user)).map(Header::getValue)
			.contains("Basic bmV3c3Jvb20tc2VhcmNoOnMzY3JldDp3aXRoIGNvbG9u");
	}

	@Test
	void sendsApiKeyAsElasticsearchEncodedIt() {
		ElasticsearchClientProperties key = properties(null, null,
				"VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==", null, null);

		assertThat(ClientSecurity.authorization(key)).map(Header::getValue)
			.contains("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==");
		assertThat(key.authentication()).isEqualTo("API key");
	}

	@Test
	void treatsBlankSettingsAsUnset() {
		// What ${ELASTICSEARCH_USERNAME:} and friends give when the variables are not
		// set.
		ElasticsearchClientProperties blank = properties(" ", "", "", "", "");

		assertThat(ClientSecurity.authorization(blank)).isEmpty();
		assertThat(ClientSecurity.sslContext(blank)).isEmpty();
		assertThat(blank.isCredentialsConsistent()).isTrue();
	}

	@Test
	void trustsCertificatesOfPemFileOrTrustStore() throws Exception {
		TlsCertificate certificate = TlsCertificate.selfSigned(this.folder.resolve("tls"));
		Path trustStore = this.folder.resolve("trust.p12");
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		try (InputStream in = Files.newInputStream(certificate.certificate())) {
			store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		try (OutputStream out = Files.newOutputStream(trustStore)) {
			store.store(out, "changeit".toCharArray());
		}

		ElasticsearchClientProperties pem = properties(null, null, null, certificate.certificate().toString(), null);
		ElasticsearchClientProperties p12 = properties(null, null, null, null, trustStore.toString());

		assertThat(ClientSecurity.sslContext(pem)).isPresent();
		assertThat(ClientSecurity.sslContext(p12)).isPresent();
		assertThat(p12.trust()).isEqualTo("trust store " + trustStore);
	}

	@Test
	void namesMissingCaFile() {
		ElasticsearchClientProperties missing = properties(null, null, null, "/nowhere/ca.crt", null);

		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> ClientSecurity.sslContext(missing))
			.withMessageContaining("/nowhere/ca.crt");
	}

	@Test
	void refusesUserWithoutPasswordAndBothUserAndApiKey() {
		assertThat(properties("newsroom-search", null, null, null, null).isCredentialsConsistent()).isFalse();
		assertThat(properties("newsroom-search", "secret", "key", null, null).isCredentialsConsistent()).isFalse();
		assertThat(properties(null, null, null, "ca.crt", "trust.p12").isTrustConsistent()).isFalse();
	}

	@Test
	void neverShowsSecretsInText() {
		ElasticsearchClientProperties user = properties("newsroom-search", "s3cret", null, null, null);
		ElasticsearchClientProperties key = properties(null, null, "a-secret-key", null, null);

		assertThat(user.toString()).contains("user newsroom-search").doesNotContain("s3cret");
		assertThat(key.toString()).contains("API key").doesNotContain("a-secret-key");
	}

	private static ElasticsearchClientProperties properties(String username, String password, String apiKey,
			String caCertificate, String trustStore) {
		return new ElasticsearchClientProperties(List.of(URI.create("https://127.0.0.1:9200")), Duration.ofSeconds(5),
				Duration.ofSeconds(30), 64, username, password, apiKey, caCertificate, trustStore,
				(trustStore != null) ? "changeit" : null);
	}

}
