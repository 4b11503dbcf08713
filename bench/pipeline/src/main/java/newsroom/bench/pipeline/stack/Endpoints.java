package newsroom.bench.pipeline.stack;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Where the pipeline listens. Loopback only: the benchmark puts heavy load on what it
 * targets, and is meant for this machine's servers, never for someone else's.
 *
 * @param ingest ingest-service
 * @param enrich enrich-service
 * @param search search-service
 * @param elasticsearch the Elasticsearch node
 * @param kafkaPort the Kafka broker's port on 127.0.0.1
 */
public record Endpoints(URI ingest, URI enrich, URI search, URI elasticsearch, int kafkaPort) {

	/** The addresses {@code ./run-local} uses, and so the local stack here. */
	public static final Endpoints LOCAL = new Endpoints(URI.create("http://127.0.0.1:8081"),
			URI.create("http://127.0.0.1:8082"), URI.create("http://127.0.0.1:8083"),
			URI.create("http://127.0.0.1:9200"), 9092);

	public Endpoints {
		for (URI uri : List.of(ingest, enrich, search, elasticsearch)) {
			requireLoopback(uri);
		}
	}

	/**
	 * The ports of every server, for finding their processes and checking they are free.
	 * @return process name and port, in the order the report lists them
	 */
	public List<Server> servers() {
		return List.of(new Server("kafka", this.kafkaPort), new Server("elasticsearch", this.elasticsearch.getPort()),
				new Server("ingest", this.ingest.getPort()), new Server("enrich", this.enrich.getPort()),
				new Server("search", this.search.getPort()));
	}

	private static void requireLoopback(URI uri) {
		try {
			if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
				throw new IllegalArgumentException("Only loopback addresses may be benchmarked, not " + uri);
			}
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Unknown host in " + uri, ex);
		}
	}

	/**
	 * A server process of the pipeline and the port it listens on.
	 *
	 * @param name its name in the report
	 * @param port its port on 127.0.0.1
	 */
	public record Server(String name, int port) {
	}

}
