package newsroom.bench.pipeline.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's one HTTP client and JSON mapper. HTTP/1.1 on purpose: the services and
 * Elasticsearch speak it, and the JDK client would otherwise try an h2c upgrade on every
 * new connection.
 */
public final class Http {

	/** Jackson 3, as the project uses; records and {@code Instant}s as ISO strings. */
	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/**
	 * A request builder with the benchmark's deadline.
	 * @param uri where to
	 * @return the builder
	 */
	public static HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
	}

	/**
	 * Send and read the answer as text.
	 * @param request the request
	 * @return the answer
	 * @throws UncheckedIOException when the server cannot be reached
	 */
	public HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), ex);
		}
	}

	/**
	 * Send, require a 2xx answer and read it as JSON.
	 * @param request the request
	 * @return the answer's JSON
	 * @throws IllegalStateException for any other status, with the answer
	 */
	public JsonNode json(HttpRequest request) {
		HttpResponse<String> response = send(request);
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
					+ response.statusCode() + ": " + abbreviated(response.body()));
		}
		return JSON.readTree(response.body());
	}

	/**
	 * Send once and read the answer as JSON when it has the expected status, for callers
	 * that retry through outages.
	 * @param request the request
	 * @param status the status that means success
	 * @return the answer's JSON, empty for any other status or when nothing answered
	 */
	public Optional<JsonNode> tryJson(HttpRequest request, int status) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == status) ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), ex);
		}
	}

	/**
	 * GET and read JSON.
	 * @param uri where from
	 * @return the answer's JSON
	 */
	public JsonNode getJson(URI uri) {
		return json(request(uri).GET().build());
	}

	/**
	 * Send a JSON body and read the JSON answer.
	 * @param method {@code POST} or {@code PUT}
	 * @param uri where to
	 * @param body the JSON text
	 * @return the answer's JSON
	 */
	public JsonNode sendJson(String method, URI uri, String body) {
		return json(request(uri).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Whether a GET answers 200 now.
	 * @param uri where
	 * @return {@code false} also when nothing listens there
	 */
	public boolean isUp(URI uri) {
		try {
			return this.client
				.send(request(uri).timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static String abbreviated(String text) {
		return (text.length() > 500) ? text.substring(0, 500) + "…" : text;
	}

}
