package newsroom.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests on the wire to a service that a test started on 127.0.0.1, as an outside
 * client sends them, with or without an {@code X-Api-Key}; the secrets file such a
 * client's keys come from; and what the guards answer. The services' guard tests share
 * it, so that each states only its endpoints.
 */
public final class ApiCalls {

	/** The header that carries an API key. */
	public static final String KEY_HEADER = "X-Api-Key";

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	/**
	 * Calls to the service on a port.
	 * @param port where the service listens on 127.0.0.1
	 */
	public ApiCalls(int port) {
		this.port = port;
	}

	/**
	 * Send a request; a POST, PUT or PATCH carries an empty JSON object.
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param key the API key, {@code null} for none
	 * @return the answer
	 */
	public HttpResponse<String> send(String method, String path, String key) {
		boolean withBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
		return send(method, path, key, withBody ? "{}" : null);
	}

	/**
	 * Send a request with a JSON body.
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param key the API key, {@code null} for none
	 * @param json the body, {@code null} for none
	 * @return the answer
	 */
	public HttpResponse<String> send(String method, String path, String key, String json) {
		return send(method, path, key, "application/json", json);
	}

	/**
	 * Send a request with a body of any type.
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param key the API key, {@code null} for none
	 * @param contentType the body's media type
	 * @param body the body, {@code null} for none
	 * @return the answer
	 */
	public HttpResponse<String> send(String method, String path, String key, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", contentType);
		}
		if (key != null) {
			request.header(KEY_HEADER, key);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(method + " " + path + " was interrupted", ex);
		}
	}

	/**
	 * Assert the API key guard's refusal: 401, the scheme named, a problem answer.
	 * @param response the answer
	 * @param request what was sent, for the message
	 */
	public static void assertUnauthorized(HttpResponse<String> response, String request) {
		assertThat(response.statusCode()).as(request).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).as(request)
			.hasValue("ApiKey header=\"" + KEY_HEADER + "\"");
		assertProblem(response, 401);
	}

	/**
	 * Assert the rate limit's refusal: 429, when to retry, a problem answer.
	 * @param response the answer
	 */
	public static void assertTooManyRequests(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After").map(Long::parseLong))
			.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(1L, 3600L));
		assertProblem(response, 429);
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":" + status);
	}

	/**
	 * A secrets file of API keys, one per line, as a mounted Docker or Kubernetes secret
	 * holds them; deleted when the JVM exits.
	 * @param lines the file's lines: keys, comments
	 * @return the file
	 */
	public static Path keyFile(String... lines) {
		try {
			Path file = Files.createTempFile("api-keys", ".txt");
			file.toFile().deleteOnExit();
			Files.writeString(file, String.join("\n", lines) + "\n");
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
