package newsroom.search.elasticsearch;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Connection settings of the Elasticsearch client, bound from
 * {@code newsroom.elasticsearch.*} so that tests and deployments override them the way
 * they override {@code spring.kafka.*}. Blank credentials and trust settings count as
 * unset: the defaults talk to an open node on plain HTTP.
 *
 * @param uris the nodes to talk to ({@code https://} for TLS)
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout how long to wait for an answer
 * @param maxConnections connections open at once to each node: the client's own default
 * of 10 queued the dashboard's searches behind each other as soon as more than 10 users
 * searched at once, so it matches the API's in-flight limit (64)
 * @param username user for HTTP basic authentication, with {@code password}
 * @param password that user's password
 * @param apiKey an API key (the encoded {@code id:api_key} Elasticsearch returns),
 * instead of a user
 * @param caCertificate PEM file with the certificate authorities to trust for HTTPS,
 * instead of the JVM's own
 * @param trustStore PKCS12 or JKS trust store file, instead of a PEM file
 * @param trustStorePassword the trust store's password
 */
@Validated
@ConfigurationProperties("newsroom.elasticsearch")
public record ElasticsearchClientProperties(@DefaultValue("http://127.0.0.1:9200") @NotEmpty List<URI> uris,
		@DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration socketTimeout,
		@DefaultValue("64") @Positive int maxConnections, String username, String password, String apiKey,
		String caCertificate, String trustStore, String trustStorePassword) {

	public ElasticsearchClientProperties {
		username = blankAsNull(username);
		password = blankAsNull(password);
		apiKey = blankAsNull(apiKey);
		caCertificate = blankAsNull(caCertificate);
		trustStore = blankAsNull(trustStore);
		trustStorePassword = blankAsNull(trustStorePassword);
	}

	/**
	 * A user goes with a password, and a client authenticates one way only.
	 * @return whether the credentials make sense together
	 */
	@AssertTrue(message = "set username and password together, or api-key alone")
	public boolean isCredentialsConsistent() {
		return ((this.username == null) == (this.password == null)) && (this.apiKey == null || this.username == null);
	}

	/**
	 * Trust comes from one place.
	 * @return whether at most one of a PEM file and a trust store is set
	 */
	@AssertTrue(message = "set ca-certificate or trust-store, not both")
	public boolean isTrustConsistent() {
		return this.caCertificate == null || this.trustStore == null;
	}

	/** Names what is set without showing a secret, should the record ever be logged. */
	@Override
	public String toString() {
		return "ElasticsearchClientProperties[uris=" + this.uris + ", connectTimeout=" + this.connectTimeout
				+ ", socketTimeout=" + this.socketTimeout + ", authentication=" + authentication() + ", trust="
				+ trust() + "]";
	}

	/** How the client authenticates, for logs: the user name, never a secret. */
	String authentication() {
		if (this.apiKey != null) {
			return "API key";
		}
		return (this.username != null) ? "user " + this.username : "none";
	}

	/** Where the client's trust for HTTPS comes from, for logs. */
	String trust() {
		if (this.caCertificate != null) {
			return "CA certificate " + this.caCertificate;
		}
		return (this.trustStore != null) ? "trust store " + this.trustStore : "JVM default";
	}

	private static String blankAsNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
