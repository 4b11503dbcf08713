package newsroom.bench.pipeline.load;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import newsroom.bench.pipeline.corpus.Article;
import newsroom.bench.pipeline.corpus.Corpus;
import tools.jackson.databind.JsonNode;

/**
 * ingest-service's client: articles as {@code POST /api/v1/articles} bodies, written to
 * NDJSON files before a measurement (so that generating text never competes with the
 * pipeline for the CPU), then sent one at a time or as NDJSON batches.
 */
public final class Ingest {

	private final Http http;

	private final URI articles;

	private final URI batch;

	public Ingest(Http http, URI ingest) {
		this.http = http;
		this.articles = ingest.resolve("/api/v1/articles");
		this.batch = ingest.resolve("/api/v1/articles/batch");
	}

	/**
	 * Write articles {@code from} to {@code to - 1} as one request body per line.
	 * @param corpus the corpus
	 * @param from first index
	 * @param to index after the last
	 * @param file the NDJSON file to write
	 */
	public static void write(Corpus corpus, int from, int to, Path file) {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int index = from; index < to; index++) {
				out.write(json(corpus.article(index)));
				out.write('\n');
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The request body that submits an article.
	 * @param article the article
	 * @return the JSON, on one line
	 */
	public static String json(Article article) {
		return Http.JSON.writeValueAsString(ArticleRequest.of(article));
	}

	/**
	 * The lines of an NDJSON file in chunks of a few, for batch requests.
	 * @param reader the open file
	 * @param size lines per chunk
	 * @return the next chunk, empty at the end
	 */
	public static List<String> nextLines(BufferedReader reader, int size) {
		List<String> lines = new ArrayList<>(size);
		try {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lines.add(line);
				if (lines.size() == size) {
					break;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return lines;
	}

	/**
	 * Submit one article ({@code POST /api/v1/articles}).
	 * @param json its request body
	 * @return its id when accepted (202 {@code accepted}), empty otherwise
	 */
	public Optional<String> submit(String json) {
		HttpResponse<String> response = this.http.send(singleRequest(json));
		if (response.statusCode() != 202) {
			return Optional.empty();
		}
		JsonNode answer = Http.JSON.readTree(response.body());
		return "accepted".equals(answer.path("status").asString()) ? Optional.of(answer.path("id").asString())
				: Optional.empty();
	}

	/**
	 * Submit articles as one NDJSON batch ({@code POST /api/v1/articles/batch}).
	 * @param lines request bodies, one per article
	 * @return the answer's counts
	 * @throws IllegalStateException when the batch as a whole is refused
	 */
	public BatchAnswer submitBatch(List<String> lines) {
		JsonNode answer = this.http.json(batchRequest(lines));
		return new BatchAnswer(answer.path("accepted").asInt(), answer.path("duplicates").asInt(),
				answer.path("rejected").size());
	}

	/**
	 * One attempt at submitting one article, for a client that retries: ingest answers
	 * 503 while Kafka is away, and nothing listens while ingest restarts.
	 * @param json its request body
	 * @return the 202 answer ({@code id}, {@code status}), empty when ingest answered
	 * otherwise or could not be reached
	 */
	public Optional<JsonNode> trySubmit(String json) {
		return this.http.tryJson(singleRequest(json), 202);
	}

	/**
	 * One attempt at submitting an NDJSON batch, for a client that retries.
	 * @param lines request bodies, one per article
	 * @return the 200 answer ({@code accepted}, {@code duplicates}, {@code rejected},
	 * {@code ids}), empty when ingest answered otherwise or could not be reached
	 */
	public Optional<JsonNode> trySubmitBatch(List<String> lines) {
		return this.http.tryJson(batchRequest(lines), 200);
	}

	private HttpRequest singleRequest(String json) {
		return Http.request(this.articles)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	private HttpRequest batchRequest(List<String> lines) {
		String body = String.join("\n", lines) + "\n";
		return Http.request(this.batch)
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
	}

	/**
	 * What ingest answered to a batch.
	 *
	 * @param accepted articles published
	 * @param duplicates articles it already had
	 * @param rejected articles refused as invalid
	 */
	public record BatchAnswer(int accepted, int duplicates, int rejected) {
	}

	/**
	 * The body of {@code POST /api/v1/articles}, as API.md defines it.
	 *
	 * @param url the article's address
	 * @param title the headline
	 * @param text the body
	 * @param source the news site
	 * @param author the byline
	 * @param publishedAt publication time
	 */
	record ArticleRequest(String url, String title, String text, String source, String author, Instant publishedAt) {

		static ArticleRequest of(Article article) {
			return new ArticleRequest(article.url(), article.title(), article.text(), article.source(),
					article.author(), article.publishedAt());
		}

	}

}
