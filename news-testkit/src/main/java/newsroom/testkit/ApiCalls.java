package newsroom.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Requests on the wire to a service that a test started on 127.0.0.1, as an outside
 * client sends them, with or without an {@code X-Api-Key}; and the secrets file such a
 * client's keys come from. The services' guard tests share it, so that each states only
 * its endpoints.
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
