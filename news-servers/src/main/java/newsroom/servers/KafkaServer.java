package newsroom.servers;

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

}
