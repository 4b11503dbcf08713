package newsroom.search.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.message.BasicHeader;

/**
 * How the client proves who it is and whom it trusts: an {@code Authorization} header
 * sent with every request (basic or API key, so no request waits for a 401 challenge),
 * and a TLS context trusting the configured authorities.
 */
final class ClientSecurity {

	private ClientSecurity() {
	}

	/**
	 * The header every request carries, when credentials are configured.
	 * @param properties the client settings
	 * @return {@code Basic ...} for a user, {@code ApiKey ...} for an API key
	 */
	static Optional<Header> authorization(ElasticsearchClientProperties properties) {
		if (properties.apiKey() != null) {
			return Optional.of(new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + properties.apiKey()));
		}
		if (properties.username() != null) {
			String pair = properties.username() + ":" + properties.password();
			return Optional.of(new BasicHeader(HttpHeaders.AUTHORIZATION,
					"Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
		}
		return Optional.empty();
	}

	/**
	 * A TLS context trusting the configured authorities; empty keeps the JVM's.
	 * @param properties the client settings
	 * @return the context, when a PEM file or trust store is configured
	 */
	static Optional<SSLContext> sslContext(ElasticsearchClientProperties properties) {
		if (properties.caCertificate() != null) {
			return Optional.of(trusting(fromPem(Path.of(properties.caCertificate()))));
		}
		if (properties.trustStore() != null) {
			return Optional.of(trusting(fromStore(Path.of(properties.trustStore()), properties.trustStorePassword())));
		}
		return Optional.empty();
	}

	private static KeyStore fromPem(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			List<? extends Certificate> certificates = List
				.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
			if (certificates.isEmpty()) {
				throw new IllegalStateException("No certificate in " + file);
			}
			for (int i = 0; i < certificates.size(); i++) {
				store.setCertificateEntry("ca-" + i, certificates.get(i));
			}
			return store;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the Elasticsearch CA certificate " + file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not read the Elasticsearch CA certificate " + file, ex);
		}
	}

	private static KeyStore fromStore(Path file, String password) {
		try {
			// The type (PKCS12 or JKS) is read from the file itself.
			return KeyStore.getInstance(file.toFile(), (password != null) ? password.toCharArray() : null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the Elasticsearch trust store " + file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not read the Elasticsearch trust store " + file, ex);
		}
	}

	private static SSLContext trusting(KeyStore trusted) {
		try {
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trusted);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not set up TLS for Elasticsearch", ex);
		}
	}

}
