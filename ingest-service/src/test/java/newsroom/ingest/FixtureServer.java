package newsroom.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server on 127.0.0.1 (the JDK's own) that serves fixture answers by path
 * and logs every request, so that tests can check what a fetcher asked for and what it
 * was sent (for example that a conditional request got a 304 without a body).
 */
public final class FixtureServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();

	private final List<Exchange> log = new CopyOnWriteArrayList<>();

	private FixtureServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/**
	 * Starts a server on a free port of 127.0.0.1.
	 * @return the running server
	 */
	public static FixtureServer start() {
		return new FixtureServer();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Answers a path (without query) with a function of the request.
	 * @param path the path
	 * @param reply the answer
	 * @return this server
	 */
	public FixtureServer route(String path, Function<Request, Reply> reply) {
		this.routes.put(path, reply);
		return this;
	}

	/**
	 * Answers a path with a fixed body.
	 * @param path the path
	 * @param contentType the Content-Type
	 * @param body the body
	 * @return this server
	 */
	public FixtureServer serve(String path, String contentType, String body) {
		return route(path, (request) -> Reply.ok(contentType, body.getBytes(StandardCharsets.UTF_8)));
	}

	/** Every exchange so far, in order. */
	public List<Exchange> log() {
		return List.copyOf(this.log);
	}

	/** The exchanges for one path. */
	public List<Exchange> log(String path) {
		return this.log.stream().filter((exchange) -> exchange.request().path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			body.readAllBytes();
			Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders());
			Function<Request, Reply> route = this.routes.get(request.path());
			Reply reply = (route != null) ? route.apply(request)
					: new Reply(404, Map.of("Content-Type", "text/plain"), "not found".getBytes());
			Headers headers = exchange.getResponseHeaders();
			reply.headers().forEach(headers::set);
			boolean noBody = reply.status() == 304 || reply.status() == 204 || reply.body().length == 0;
			// Logged before answering, so a client that has its answer always finds it
			// here.
			this.log.add(new Exchange(request, reply.status(), noBody ? 0 : reply.body().length));
			exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
			if (!noBody) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(reply.body());
				}
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * A request as the server saw it.
	 *
	 * @param method the method
	 * @param path the path
	 * @param headers the headers
	 */
	public record Request(String method, String path, Headers headers) {

		public String header(String name) {
			return this.headers.getFirst(name);
		}

	}

	/**
	 * An answer.
	 *
	 * @param status the status
	 * @param headers the headers
	 * @param body the body
	 */
	public record Reply(int status, Map<String, String> headers, byte[] body) {

		public static Reply ok(String contentType, byte[] body) {
			return new Reply(200, Map.of("Content-Type", contentType), body);
		}

		public static Reply redirect(int status, String location) {
			return new Reply(status, Map.of("Location", location), new byte[0]);
		}

	}

	/**
	 * One request and what was sent back.
	 *
	 * @param request the request
	 * @param status the status sent
	 * @param bodyBytes the body bytes sent
	 */
	public record Exchange(Request request, int status, int bodyBytes) {
	}

}
