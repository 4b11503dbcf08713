package newsroom.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for a running ingest-service, so integration tests go through the
 * real server (Tomcat, filters, converters) like any client.
 */
public final class IngestClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	public IngestClient(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	/**
	 * Posts an article as JSON.
	 * @param article field name to value
	 * @return the answer
	 */
	public Answer postArticle(Map<String, ?> article) {
		return post("/api/v1/articles", "application/json",
				HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(article)));
	}

	public Answer post(String path, String contentType, BodyPublisher body) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", contentType)
			.POST(body)
			.build());
	}

	public Answer delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).DELETE().build());
	}

	public Answer get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET().build());
	}

	private Answer send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response.
	 *
	 * @param status the status code
	 * @param contentType the Content-Type header, empty when absent
	 * @param body the body
	 */
	public record Answer(int status, String contentType, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
