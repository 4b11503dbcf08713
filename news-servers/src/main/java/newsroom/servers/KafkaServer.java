package newsroom.servers;

import java.util.Map;

/**
 * A running Kafka broker that tests and the local stack connect to, whichever way it was
 * obtained (embedded, container or external).
 */
public interface KafkaServer {

	/**
	 * The address clients use, in {@code bootstrap.servers} form.
	 * @return for example {@code 127.0.0.1:39092}
	 */
	String bootstrapServers();

	/**
	 * What clients add to {@link #bootstrapServers()} to be let in: security protocol,
	 * SASL mechanism and login, trust store.
	 * @return client settings by their Kafka names; empty for a PLAINTEXT listener
	 */
	default Map<String, Object> clientProperties() {
		return Map.of();
	}

}
