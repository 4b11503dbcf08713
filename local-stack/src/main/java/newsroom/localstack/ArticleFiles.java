package newsroom.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns article files into ingest requests ({@code POST /api/v1/articles} bodies).
 * <ul>
 * <li>{@code .json}: one request object, or an array of them;</li>
 * <li>{@code .ndjson}: one request object per line;</li>
 * <li>{@code .html}/{@code .htm}: a web page, sent as {@code html} for the service to
 * extract;</li>
 * <li>{@code .txt}: an article as a scraper hands it over: body paragraphs one per line,
 * then the headline and the page furniture. The whole text is sent, since cleaning is the
 * ingest service's job; the headline is the first short line without closing punctuation
 * after the first paragraph, and the source is the file name up to its first hyphen.</li>
 * </ul>
 */
public final class ArticleFiles {

	private static final int MAX_TITLE_LENGTH = 150;

	private final ObjectMapper json;

	public ArticleFiles(ObjectMapper json) {
		this.json = json;
	}

	/**
	 * Collect the ingest requests in the given files and folders (folders are read one
	 * level deep, in name order; unknown file types are skipped).
	 * @param paths files or folders
	 * @return one request per article
	 */
	public List<Request> read(List<Path> paths) {
		List<Request> requests = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				try (Stream<Path> files = Files.list(path)) {
					files.filter(Files::isRegularFile).sorted().forEach((file) -> requests.addAll(readFile(file)));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			else {
				requests.addAll(readFile(path));
			}
		}
		return requests;
	}

	/**
	 * The ingest requests in one file.
	 * @param file the file
	 * @return its requests, none for a file type this reader does not know
	 */
	public List<Request> readFile(Path file) {
		String name = file.getFileName().toString();
		String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		String content = readString(file);
		return switch (extension) {
			case "json" -> fromJson(name, this.json.readTree(content));
			case "ndjson" -> content.lines()
				.filter((line) -> !line.isBlank())
				.map((line) -> new Request(name, (ObjectNode) this.json.readTree(line)))
				.toList();
			case "html", "htm" ->
				List.of(new Request(name, JsonNodeFactory.instance.objectNode().put("html", content)));
			case "txt" -> List.of(new Request(name, fromScrapedText(name, content)));
			default -> List.of();
		};
	}

	private List<Request> fromJson(String name, JsonNode node) {
		if (node.isArray()) {
			List<Request> requests = new ArrayList<>();
			node.forEach((item) -> requests.add(new Request(name, (ObjectNode) item)));
			return requests;
		}
		return List.of(new Request(name, (ObjectNode) node));
	}

	static ObjectNode fromScrapedText(String fileName, String content) {
		ObjectNode request = JsonNodeFactory.instance.objectNode();
		headline(content).ifPresent((title) -> request.put("title", title));
		request.put("text", content);
		int hyphen = fileName.indexOf('-');
		if (hyphen > 0) {
			request.put("source", fileName.substring(0, hyphen).toLowerCase(Locale.ROOT));
		}
		return request;
	}

	static Optional<String> headline(String content) {
		List<String> lines = content.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
		for (int i = 1; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.length() <= MAX_TITLE_LENGTH && line.indexOf(' ') > 0 && !endsLikeSentence(line)) {
				return Optional.of(line);
			}
		}
		return Optional.empty();
	}

	private static boolean endsLikeSentence(String line) {
		char last = line.charAt(line.length() - 1);
		return ".!?:;\"”’)".indexOf(last) >= 0;
	}

	private static String readString(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One ingest request and the file it came from.
	 *
	 * @param file the file name, for messages
	 * @param body the JSON body for {@code POST /api/v1/articles}
	 */
	public record Request(String file, ObjectNode body) {
	}

}
