package newsroom.enrich.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import newsroom.events.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Checks a raw-topic value against the {@code news.articles.raw.v1} JSON Schema that
 * news-events publishes, plus what the enricher needs beyond it (a non-blank id and
 * title). A claimed {@code language} that is not a valid code is let through: the
 * enricher detects the language instead, so the article is not lost over a fixable field.
 */
final class RawArticleValidator {

	private static final String SCHEMA = "/schemas/" + Topics.RAW + ".json";

	private static final String LANGUAGE = "language";

	/** Compiled once; validating with it is thread-safe. */
	private static final Schema schema = load();

	private RawArticleValidator() {
	}

	static void validate(JsonNode value) {
		List<String> problems = new ArrayList<>();
		for (Error error : schema.validate(value)) {
			String field = field(error);
			if (!LANGUAGE.equals(field) && !LANGUAGE.equals(error.getProperty())) {
				problems.add(field.isEmpty() ? error.getMessage() : field + ": " + error.getMessage());
			}
		}
		requireNotBlank(problems, value, "id");
		requireNotBlank(problems, value, "title");
		if (!problems.isEmpty()) {
			throw new InvalidRawArticleException(String.join("; ", problems));
		}
	}

	private static void requireNotBlank(List<String> problems, JsonNode value, String field) {
		JsonNode node = value.get(field);
		if (node != null && node.isString() && !node.asString().isEmpty() && node.asString().isBlank()) {
			problems.add(field + ": must not be blank");
		}
	}

	/**
	 * The failing field as a JSON pointer without its leading slash, empty for the object
	 * itself (where a missing property is reported).
	 */
	private static String field(Error error) {
		String pointer = String.valueOf(error.getInstanceLocation());
		return pointer.startsWith("/") ? pointer.substring(1) : pointer;
	}

	private static Schema load() {
		try (InputStream in = RawArticleValidator.class.getResourceAsStream(SCHEMA)) {
			if (in == null) {
				throw new IllegalStateException(SCHEMA + " is not on the classpath (it ships in news-events)");
			}
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + SCHEMA, ex);
		}
	}

}
