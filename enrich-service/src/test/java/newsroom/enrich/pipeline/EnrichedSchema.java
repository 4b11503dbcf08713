package newsroom.enrich.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import newsroom.events.Topics;
import tools.jackson.databind.JsonNode;

/**
 * The {@code news.articles.enriched.v1} JSON Schema that news-events publishes, for
 * checking what this service writes.
 */
final class EnrichedSchema {

	private static final Schema schema = load();

	private EnrichedSchema() {
	}

	static List<Error> errors(JsonNode value) {
		return schema.validate(value);
	}

	private static Schema load() {
		try (InputStream in = EnrichedSchema.class.getResourceAsStream("/schemas/" + Topics.ENRICHED + ".json")) {
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
