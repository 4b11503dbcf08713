package newsroom.servers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SASL_SSL for an embedded broker's client listener: TLS with a certificate, and
 * SCRAM-SHA-512 credentials for one user, created when the broker's log folder is
 * formatted. The broker authenticates to itself as the same user, so nothing on its
 * client port is reachable without the password.
 *
 * @param username the SCRAM user
 * @param password its password
 * @param certificate what the listener presents and clients trust
 */
public record KafkaSecurity(String username, String password, TlsCertificate certificate) {

	/** The one SASL mechanism the listener enables. */
	public static final String MECHANISM = "SCRAM-SHA-512";

	/** The listener's name and security protocol. */
	static final String PROTOCOL = "SASL_SSL";

	public KafkaSecurity {
		for (String value : List.of(username, password)) {
			// Both end up quoted in a JAAS line and in the SCRAM format argument.
			if (value == null || value.isBlank() || value.contains("\"") || value.contains("\\")) {
				throw new IllegalArgumentException("SCRAM user name and password must be set, without \" or \\");
			}
		}
	}

	/**
	 * The client settings for this user: security protocol, mechanism, JAAS line and the
	 * certificate as PEM trust store; the same keys as Kafka's client configuration.
	 * @return settings to add to a producer's, consumer's or admin client's
	 */
	public Map<String, Object> clientProperties() {
		return clientProperties(this.password);
	}

	/**
	 * The client settings for this user with another password, to show it is refused.
	 * @param password the password to present
	 * @return settings to add to a client's
	 */
	public Map<String, Object> clientProperties(String password) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("security.protocol", PROTOCOL);
		properties.put("sasl.mechanism", MECHANISM);
		properties.put("sasl.jaas.config", jaasConfig(this.username, password));
		properties.put("ssl.truststore.type", "PEM");
		properties.put("ssl.truststore.location", this.certificate.certificate().toString());
		return properties;
	}

	/**
	 * The JAAS line a SCRAM client (or the broker, talking to itself) logs in with.
	 * @param username the user
	 * @param password the password
	 * @return the value of {@code sasl.jaas.config}
	 */
	public static String jaasConfig(String username, String password) {
		return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + username
				+ "\" password=\"" + password + "\";";
	}

	/** The broker settings of a SASL_SSL listener; the listener itself is named apart. */
	Map<String, Object> brokerProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		String prefix = "listener.name." + PROTOCOL.toLowerCase(Locale.ROOT) + ".";
		properties.put("sasl.enabled.mechanisms", MECHANISM);
		properties.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
		properties.put(prefix + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
				jaasConfig(this.username, this.password));
		properties.put("ssl.keystore.type", "PKCS12");
		properties.put("ssl.keystore.location", this.certificate.keyStore().toString());
		properties.put("ssl.keystore.password", this.certificate.password());
		properties.put("ssl.key.password", this.certificate.password());
		properties.put("ssl.truststore.type", "PEM");
		properties.put("ssl.truststore.location", this.certificate.certificate().toString());
		return properties;
	}

	/** The credentials in the form the log folder formatter takes. */
	String scramArgument() {
		return MECHANISM + "=[name=\"" + this.username + "\",password=\"" + this.password + "\"]";
	}

	@Override
	public String toString() {
		return "KafkaSecurity[" + PROTOCOL + ", " + MECHANISM + ", user " + this.username + "]";
	}

}
