package newsroom.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Submits articles to ingest-service's HTTP API, as any client would.
 */
public final class IngestClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI articles;

	private final ObjectMapper json;

	public IngestClient(URI ingestBaseUri, ObjectMapper json) {
		this.articles = ingestBaseUri.resolve("/api/v1/articles");
		this.json = json;
	}

	/**
	 * Submit one article.
	 * @param request the request read from a file
	 * @return the HTTP status and the answer's JSON
	 * @throws IOException when ingest-service cannot be reached
	 */
	public Answer submit(ArticleFiles.Request request) throws IOException {
		HttpRequest post = HttpRequest.newBuilder(this.articles)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(request.body())))
			.build();
		try {
			HttpResponse<String> response = this.http.send(post, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), this.json.readTree(response.body()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while submitting " + request.file(), ex);
		}
	}

	/**
	 * Ingest-service's answer.
	 *
	 * @param status the HTTP status
	 * @param body the JSON body ({@code id}, {@code status} on 202; a problem detail
	 * otherwise)
	 */
	public record Answer(int status, JsonNode body) {

		public boolean accepted() {
			return this.status == 202;
		}

	}

}
