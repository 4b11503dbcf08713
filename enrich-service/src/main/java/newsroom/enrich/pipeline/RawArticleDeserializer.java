package newsroom.enrich.pipeline;

import newsroom.events.RawArticle;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

/**
 * Reads a raw-topic value as a {@link RawArticle} (JSON, no type headers) and rejects one
 * that breaks the schema. Meant to sit inside an {@code ErrorHandlingDeserializer}, so
 * that an unreadable or invalid record reaches the error handling with its original
 * bytes.
 */
public final class RawArticleDeserializer implements Deserializer<RawArticle> {

	private final JacksonJsonDeserializer<RawArticle> json;

	/**
	 * Create the deserializer.
	 * @param jsonMapper the application's JSON mapper
	 */
	public RawArticleDeserializer(JsonMapper jsonMapper) {
		this.json = new JacksonJsonDeserializer<>(RawArticle.class, jsonMapper, false);
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
		RawArticle article = this.json.deserialize(topic, headers, data);
		if (article == null) {
			throw new InvalidRawArticleException("value is JSON null");
		}
		RawArticleValidator.validate(article);
		return article;
	}

	@Override
	public void close() {
		this.json.close();
	}

}
