package newsroom.enrich.pipeline;

import newsroom.events.RawArticle;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

/**
 * Reads a raw-topic value (JSON, no type headers), checks it against the published
 * {@code news.articles.raw.v1} schema and maps it to a {@link RawArticle}. Meant to sit
 * inside an {@code ErrorHandlingDeserializer}, so that an unreadable or invalid record
 * reaches the error handling with its original bytes and a reason naming every violation.
 */
public final class RawArticleDeserializer implements Deserializer<RawArticle> {

	private final JacksonJsonDeserializer<JsonNode> json;

	private final JsonMapper jsonMapper;

	/**
	 * Create the deserializer.
	 * @param jsonMapper the application's JSON mapper
	 */
	public RawArticleDeserializer(JsonMapper jsonMapper) {
		this.json = new JacksonJsonDeserializer<>(JsonNode.class, jsonMapper, false);
		this.jsonMapper = jsonMapper;
	}

	@Override
	public RawArticle deserialize(String topic, byte[] data) {
		return deserialize(topic, new RecordHeaders(), data);
	}

	@Override
	public RawArticle deserialize(String topic, Headers headers, byte[] data) {
		if (data == null) {
			throw new InvalidRawArticleException("record has no value");
		}
		// The variant with headers keeps the payload out of the exception message.
		JsonNode value = this.json.deserialize(topic, headers, data);
		if (value == null || !value.isObject()) {
			throw new InvalidRawArticleException("value is not a JSON object");
		}
		// Checked as a tree first: a record type would turn a missing field into a
		// mapping error that names only the first problem.
		RawArticleValidator.validate(value);
		try {
			return this.jsonMapper.treeToValue(value, RawArticle.class);
		}
		catch (JacksonException ex) {
			// The schema does not assert formats: an unparseable date only fails here.
			throw new InvalidRawArticleException(ex.getOriginalMessage());
		}
	}

	@Override
	public void close() {
		this.json.close();
	}

}
