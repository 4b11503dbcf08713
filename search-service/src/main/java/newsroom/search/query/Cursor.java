package newsroom.search.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.FieldValue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a page of hits ended: the sort values of its last hit, for Elasticsearch's
 * {@code search_after}. Clients see it as an opaque URL-safe string.
 *
 * @param sort the order the cursor was made for
 * @param after the sort values of the last hit returned
 */
record Cursor(SortOrder sort, List<FieldValue> after) {

	private static final JsonMapper json = JsonMapper.builder().build();

	Cursor {
		after = List.copyOf(after);
	}

	String encode() {
		ObjectNode node = json.createObjectNode();
		node.put("s", this.sort.parameterValue());
		ArrayNode values = node.putArray("a");
		for (FieldValue value : this.after) {
			if (value.isLong()) {
				values.add(value.longValue());
			}
			else if (value.isDouble()) {
				values.add(value.doubleValue());
			}
			else if (value.isString()) {
				values.add(value.stringValue());
			}
			else {
				throw new IllegalArgumentException("Unsupported sort value " + value);
			}
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(node));
	}

	/**
	 * Read a cursor a client sent back.
	 * @param text the cursor string
	 * @return the cursor, empty when the text is not one this service made
	 */
	static Optional<Cursor> decode(String text) {
		try {
			JsonNode node = json.readTree(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
			Optional<SortOrder> sort = SortOrder.fromParameter(node.path("s").asString(""));
			JsonNode values = node.path("a");
			if (sort.isEmpty() || !values.isArray() || values.isEmpty()) {
				return Optional.empty();
			}
			List<FieldValue> after = new ArrayList<>();
			for (JsonNode value : values) {
				if (value.isIntegralNumber()) {
					after.add(FieldValue.of(value.asLong()));
				}
				else if (value.isFloatingPointNumber()) {
					after.add(FieldValue.of(value.asDouble()));
				}
				else if (value.isString()) {
					after.add(FieldValue.of(value.asString()));
				}
				else {
					return Optional.empty();
				}
			}
			return Optional.of(new Cursor(sort.get(), after));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return Optional.empty();
		}
	}

}
