package newsroom.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Requests to the test server on the wire, with or without an API key.
 */
final class HttpCalls {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	HttpCalls(int port) {
		this.port = port;
	}

	HttpResponse<String> send(String method, String path, String key) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, method.equals("POST") || method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("{}")
					: HttpRequest.BodyPublishers.noBody());
		if (method.equals("POST") || method.equals("PUT")) {
			request.header("Content-Type", "application/json");
		}
		if (key != null) {
			request.header("X-Api-Key", key);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
	}

}
