package newsroom.search.elasticsearch;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpServer;
import org.elasticsearch.client.Cancellable;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection pool of the client every search goes through. A loopback HTTP server
 * holds each request open until the expected number are open at once: a pool smaller than
 * that keeps the rest waiting for a connection, which is how 16 dashboard users used to
 * queue behind the client's default of 10.
 */
class ElasticsearchConfigurationTests {

	private static final int AT_ONCE = 16;

	private final CountDownLatch allArrived = new CountDownLatch(AT_ONCE);

	private final AtomicInteger arrived = new AtomicInteger();

	private ExecutorService handlers;

	private HttpServer server;

	@BeforeEach
	void startServer() throws Exception {
		this.handlers = Executors.newFixedThreadPool(AT_ONCE * 2);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.handlers);
		this.server.createContext("/", (exchange) -> {
			this.arrived.incrementAndGet();
			this.allArrived.countDown();
			try {
				this.allArrived.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] body = "{}".getBytes();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
		this.handlers.shutdownNow();
	}

	@Test
	void keepsAsManyRequestsOpenAtOnceAsConfigured() throws Exception {
		try (RestClient client = client(AT_ONCE)) {
			List<Cancellable> requests = sendAtOnce(client);

			assertThat(this.allArrived.await(30, TimeUnit.SECONDS)).as("requests open at once: %s", this.arrived)
				.isTrue();
			requests.forEach(Cancellable::cancel);
		}
	}

	@Test
	void queuesRequestsBeyondThePool() throws Exception {
		try (RestClient client = client(AT_ONCE / 2)) {
			List<Cancellable> requests = sendAtOnce(client);

			// The server holds each request until all 16 are open, so a pool of 8 never
			// gets
			// there: 8 arrive, then the server gives up on the rest after its wait.
			assertThat(this.allArrived.await(3, TimeUnit.SECONDS)).isFalse();
			assertThat(this.arrived).hasValue(AT_ONCE / 2);
			requests.forEach(Cancellable::cancel);
		}
	}

	private RestClient client(int maxConnections) {
		URI uri = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		ElasticsearchClientProperties properties = new ElasticsearchClientProperties(List.of(uri),
				Duration.ofSeconds(5), Duration.ofSeconds(30), maxConnections, null, null, null, null, null, null);
		return new ElasticsearchConfiguration().elasticsearchRestClient(properties);
	}

	private static List<Cancellable> sendAtOnce(RestClient client) {
		ResponseListener ignored = new ResponseListener() {

			@Override
			public void onSuccess(Response response) {
			}

			@Override
			public void onFailure(Exception exception) {
			}

		};
		return IntStream.range(0, AT_ONCE)
			.mapToObj((i) -> client.performRequestAsync(new Request("GET", "/news/_search"), ignored))
			.toList();
	}

}
