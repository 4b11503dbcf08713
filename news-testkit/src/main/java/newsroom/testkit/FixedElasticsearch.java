package newsroom.testkit;

import newsroom.servers.ElasticsearchServer;

/**
 * An Elasticsearch node the testkit cannot stop or start: a container or an external
 * server.
 */
record FixedElasticsearch(String uri, String kind) implements ElasticsearchServer {

	@Override
	public void stop() {
		throw new UnsupportedOperationException("Elasticsearch in " + this.kind + " cannot be stopped by a test");
	}

	@Override
	public void start() {
		throw new UnsupportedOperationException("Elasticsearch in " + this.kind + " cannot be started by a test");
	}

}
