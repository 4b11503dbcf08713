package newsroom.enrich.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import newsroom.events.Origin;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RawArticleDeserializerTests {

	static final String VALID = """
			{"schemaVersion":1,"id":"a1","revision":1730455200000,"url":"https://eastside.example/n",
			 "canonicalUrl":"https://eastside.example/n","source":"eastside","title":"Title","text":"Text.",
			 "author":null,"publishedAt":"2024-11-01T10:00:00Z","ingestedAt":"2024-11-01T10:05:00Z",
			 "language":null,"contentHash":"h1","origin":"api","feedId":null,"someFutureField":true}""";

	private final RawArticleDeserializer deserializer = new RawArticleDeserializer(JsonMapper.builder().build());

	@Test
	void readsRawArticleAndIgnoresUnknownFields() {
		RawArticle article = deserialize(VALID);

		assertThat(article.id()).isEqualTo("a1");
		assertThat(article.origin()).isEqualTo(Origin.API);
		assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-11-01T10:00:00Z"));
		assertThat(article.language()).isNull();
	}

	@Test
	void rejectsValueThatIsNotJson() {
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> deserialize("not json at all"))
			.withCauseInstanceOf(JacksonException.class)
			.withMessageNotContaining("not json");
	}

	@Test
	void rejectsMissingRequiredFieldsNamingEach() {
		String json = VALID.replace("\"id\":\"a1\",", "")
			.replace("\"title\":\"Title\",", "")
			.replace("\"text\":\"Text.\",", "");

		assertThatExceptionOfType(InvalidRawArticleException.class).isThrownBy(() -> deserialize(json))
			.withMessageContainingAll("'id'", "'title'", "'text'");
	}

	@Test
	void rejectsOtherSchemaVersion() {
		assertThatExceptionOfType(InvalidRawArticleException.class)
			.isThrownBy(() -> deserialize(VALID.replace("\"schemaVersion\":1", "\"schemaVersion\":2")))
			.withMessage("schemaVersion: must be the constant value '1'");
	}

	@Test
	void rejectsBlankTitle() {
		assertThatExceptionOfType(InvalidRawArticleException.class)
			.isThrownBy(() -> deserialize(VALID.replace("\"title\":\"Title\"", "\"title\":\"  \"")))
			.withMessage("title: must not be blank");
	}

	@Test
	void acceptsInvalidLanguageForTheEnricherToDetect() {
		assertThat(deserialize(VALID.replace("\"language\":null", "\"language\":\"English\"")).language())
			.isEqualTo("English");
	}

	@Test
	void rejectsMissingRevisionAndWrongTypes() {
		String json = VALID.replace("\"revision\":1730455200000,", "")
			.replace("\"source\":\"eastside\"", "\"source\":7");

		assertThatExceptionOfType(InvalidRawArticleException.class).isThrownBy(() -> deserialize(json))
			.withMessageContainingAll("required property 'revision' not found",
					"source: integer found, string expected");
	}

	@Test
	void rejectsUnparseableDate() {
		assertThatExceptionOfType(InvalidRawArticleException.class)
			.isThrownBy(() -> deserialize(VALID.replace("\"2024-11-01T10:00:00Z\"", "\"yesterday\"")))
			.withMessageContaining("yesterday");
	}

	@Test
	void acceptsMissingLanguage() {
		assertThat(deserialize(VALID.replace("\"language\":null,", "")).language()).isNull();
	}

	@Test
	void rejectsUnknownOrigin() {
		assertThatExceptionOfType(InvalidRawArticleException.class)
			.isThrownBy(() -> deserialize(VALID.replace("\"origin\":\"api\"", "\"origin\":\"carrier-pigeon\"")));
	}

	@Test
	void rejectsMissingAndNullValues() {
		assertThatExceptionOfType(InvalidRawArticleException.class)
			.isThrownBy(() -> this.deserializer.deserialize(Topics.RAW, new RecordHeaders(), (byte[]) null));
		assertThatExceptionOfType(InvalidRawArticleException.class).isThrownBy(() -> deserialize("null"));
		assertThatExceptionOfType(InvalidRawArticleException.class).isThrownBy(() -> deserialize("[1, 2]"));
	}

	private RawArticle deserialize(String json) {
		return this.deserializer.deserialize(Topics.RAW, new RecordHeaders(), json.getBytes(StandardCharsets.UTF_8));
	}

}
