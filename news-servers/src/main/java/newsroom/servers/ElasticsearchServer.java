package newsroom.servers;

/**
 * A running Elasticsearch node that tests and the local stack connect to, whichever way
 * it was obtained (embedded, container or external).
 */
public interface ElasticsearchServer {

	/**
	 * The HTTP address of the node.
	 * @return for example {@code http://127.0.0.1:39201}
	 */
	String uri();

	/**
	 * Stops the node, keeping its data and port, so a test can watch a client cope with
	 * an outage. The node is shared by every test of the JVM: call {@link #start()} in a
	 * {@code finally} block.
	 * @throws UnsupportedOperationException unless the node is embedded
	 */
	void stop();

	/**
	 * Starts the node again after {@link #stop()}, on the same data and the same port,
	 * and waits until it answers.
	 * @throws UnsupportedOperationException unless the node is embedded
	 */
	void start();

}
