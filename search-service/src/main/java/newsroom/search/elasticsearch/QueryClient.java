package newsroom.search.elasticsearch;

import java.io.IOException;
import java.time.Duration;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import org.apache.http.client.config.RequestConfig;

/**
 * The Elasticsearch client for requests that answer HTTP callers (searches, articles,
 * suggestions, trends), with a deadline of its own: Elasticsearch is asked to stop
 * working on a request after {@link #timeout()}, and the HTTP call gives up a little
 * later, so a slow node makes a 503 instead of a hung request thread.
 */
public final class QueryClient {

	/** Time for the answer to travel after Elasticsearch's own deadline. */
	static final Duration TRANSPORT_MARGIN = Duration.ofSeconds(5);

	private final ElasticsearchClient client;

	private final Duration timeout;

	QueryClient(ElasticsearchClient client, ElasticsearchClientProperties connection, Duration timeout) {
		RestClientOptions options = (RestClientOptions) client._transport().options();
		RestClientOptions.Builder builder = options.toBuilder();
		// A per-request configuration replaces the client's defaults wholesale, so the
		// connect timeout is set again.
		builder.restClientRequestOptionsBuilder()
			.setRequestConfig(RequestConfig.custom()
				.setConnectTimeout(Math.toIntExact(connection.connectTimeout().toMillis()))
				.setSocketTimeout(Math.toIntExact(timeout.plus(TRANSPORT_MARGIN).toMillis()))
				.build());
		this.client = client.withTransportOptions(builder.build());
		this.timeout = timeout;
	}

	/**
	 * The client to send read requests with.
	 * @return a client whose calls give up shortly after {@link #timeout()}
	 */
	public ElasticsearchClient elasticsearch() {
		return this.client;
	}

	/**
	 * Send a read request whose every failure means Elasticsearch cannot answer now.
	 * @param <T> what the request answers
	 * @param read the request, sent with the client of {@link #elasticsearch()}
	 * @return the answer
	 * @throws IndexUnavailableException when Elasticsearch cannot be reached or fails the
	 * request
	 */
	public <T> T read(Read<T> read) {
		try {
			return read.using(this.client);
		}
		catch (IOException | ElasticsearchException ex) {
			throw new IndexUnavailableException(ex);
		}
	}

	/**
	 * The deadline to pass along with a search request.
	 * @return the time Elasticsearch may spend on one request
	 */
	public Time timeout() {
		return Time.of((time) -> time.time(this.timeout.toMillis() + "ms"));
	}

	/**
	 * A read request to Elasticsearch.
	 *
	 * @param <T> what it answers
	 */
	@FunctionalInterface
	public interface Read<T> {

		/**
		 * Send the request.
		 * @param client the client to send it with
		 * @return the answer
		 * @throws IOException when Elasticsearch cannot be reached
		 */
		T using(ElasticsearchClient client) throws IOException;

	}

}
