package newsroom.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Submits articles to ingest-service's HTTP API, as any client would: with the first of
 * the API keys the services were given, when there are any.
 */
public final class IngestClient {

	/** The header that carries an API key. */
	static final String KEY_HEADER = "X-Api-Key";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI articles;

	private final ObjectMapper json;

	private final Optional<String> apiKey;

	public IngestClient(URI ingestBaseUri, ObjectMapper json, Optional<String> apiKey) {
		this.articles = ingestBaseUri.resolve("/api/v1/articles");
		this.json = json;
		this.apiKey = apiKey;
	}

	/**
	 * The key to send: the first of {@code NEWSROOM_API_KEYS}, which the services started
	 * from this environment accept (a key file is theirs alone).
	 * @param environment the environment the services inherit
	 * @return the key, empty when the services are open
	 */
	static Optional<String> apiKey(Map<String, String> environment) {
		return Arrays.stream(environment.getOrDefault("NEWSROOM_API_KEYS", "").split(","))
			.map(String::strip)
			.filter((key) -> !key.isEmpty())
			.findFirst();
	}

	/**
	 * A request with the key, if there is one.
	 * @param uri where to
	 * @param apiKey the key
	 * @return the request's builder
	 */
	static HttpRequest.Builder request(URI uri, Optional<String> apiKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri);
		apiKey.ifPresent((key) -> request.header(KEY_HEADER, key));
		return request;
	}

	/**
	 * Submit one article.
	 * @param request the request read from a file
	 * @return the HTTP status and the answer's JSON
	 * @throws IOException when ingest-service cannot be reached
	 */
	public Answer submit(ArticleFiles.Request request) throws IOException {
		HttpRequest post = request(this.articles, this.apiKey).timeout(Duration.ofSeconds(30))
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
