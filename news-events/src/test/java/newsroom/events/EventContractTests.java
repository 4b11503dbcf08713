package newsroom.events;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java records and the JSON Schemas that subscribers read must describe the same
 * events.
 */
class EventContractTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private static final RawArticle raw = new RawArticle(1, "3f2a9c", 1730455200000L,
			"https://lakeside.example/news/valmora-ferry-strike?utm_source=x",
			"https://lakeside.example/news/valmora-ferry-strike", "lakeside",
			"Ferry crews in Valmora strike over night shifts", "Ferry crews in Valmora stopped every crossing.",
			"Mara Okonjo", Instant.parse("2024-11-01T10:00:00Z"), Instant.parse("2024-11-01T10:05:00Z"), null, "9b1d",
			Origin.API, null);

	private static final EnrichedArticle enriched = EnrichedArticle.of(raw,
			new Enrichment("en", "Ferry crews in Valmora stopped every crossing.",
					List.of(new Entity("Valmora", EntityType.LOCATION, 3, 0.9, "NO"),
							new Entity("Mara Okonjo", EntityType.PERSON, 1, 0.1, null)),
					List.of("labour", "economy-business-finance"), List.of("ferry crews", "strike"), 7, 1),
			Instant.parse("2024-11-01T10:05:01Z"), null)
		.withStoryId("3f2a9c");

	private static final Story story = new Story(Story.SCHEMA_VERSION, "3f2a9c",
			"Ferry crews in Valmora strike over night shifts", 2, List.of("lakeside", "harbourwatch"),
			List.of("7c41d0", "3f2a9c"), Instant.parse("2024-11-01T10:00:00Z"), Instant.parse("2024-11-01T12:30:00Z"),
			List.of(new StoryEntity("Valmora", EntityType.LOCATION), new StoryEntity("Mara Okonjo", EntityType.PERSON)),
			List.of("labour"));

	/** Fields added to v1 after its first release: records written before lack them. */
	private static final List<String> addedWithinV1 = List.of("storyId");

	private static final AlertMatched alertMatched = new AlertMatched(AlertMatched.SCHEMA_VERSION,
			"4b7e2c1a-0d1f-4e38-9c55-6a1f0f3d2b11", "Valmora ferries", raw.id(), raw.title(), raw.url(), raw.source(),
			raw.publishedAt(), Instant.parse("2024-11-01T10:05:02Z"));

	@Test
	void rawArticleValidatesAgainstItsSchema() {
		assertThat(validate("news.articles.raw.v1.json", json.valueToTree(raw))).isEmpty();
	}

	@Test
	void enrichedArticleValidatesAgainstItsSchema() {
		assertThat(validate("news.articles.enriched.v1.json", json.valueToTree(enriched))).isEmpty();
	}

	@Test
	void alertMatchValidatesAgainstItsSchema() {
		assertThat(validate("news.alerts.v1.json", json.valueToTree(alertMatched))).isEmpty();
	}

	@Test
	void rejectsAlertMatchWithoutArticleId() {
		ObjectNode event = json.valueToTree(alertMatched);
		event.remove("articleId");

		assertThat(validate("news.alerts.v1.json", event)).extracting(Error::getMessage)
			.anySatisfy((message) -> assertThat(message).contains("articleId"));
	}

	@Test
	void storyValidatesAgainstItsSchema() {
		assertThat(validate("news.stories.v1.json", json.valueToTree(story))).isEmpty();
	}

	@Test
	void enrichedArticleWrittenBeforeStoriesStillValidates() {
		ObjectNode older = json.valueToTree(enriched);
		older.remove("storyId");

		assertThat(validate("news.articles.enriched.v1.json", older)).isEmpty();
		assertThat(json.readValue(json.writeValueAsString(older), EnrichedArticle.class).storyId()).isNull();
	}

	@Test
	void rejectsStoryWithoutArticlesOrWithLowerCaseEntityType() {
		ObjectNode empty = json.valueToTree(story);
		empty.put("articleCount", 0);
		ObjectNode lowerCase = json.valueToTree(story);
		((ObjectNode) lowerCase.get("entities").get(0)).put("type", "location");

		assertThat(validate("news.stories.v1.json", empty)).extracting(Error::toString)
			.anySatisfy((message) -> assertThat(message).contains("articleCount"));
		assertThat(validate("news.stories.v1.json", lowerCase)).isNotEmpty();
	}

	@Test
	void schemasListExactlyTheRecordsFields() {
		assertThat(schemaProperties("news.articles.raw.v1.json"))
			.containsExactlyInAnyOrderElementsOf(components(RawArticle.class));
		assertThat(schemaProperties("news.articles.enriched.v1.json"))
			.containsExactlyInAnyOrderElementsOf(components(EnrichedArticle.class));
		assertThat(schemaRequired("news.articles.enriched.v1.json")).containsExactlyInAnyOrderElementsOf(
				components(EnrichedArticle.class).stream().filter((name) -> !addedWithinV1.contains(name)).toList());
		assertThat(schemaProperties("news.alerts.v1.json"))
			.containsExactlyInAnyOrderElementsOf(components(AlertMatched.class));
		assertThat(schemaRequired("news.alerts.v1.json"))
			.containsExactlyInAnyOrderElementsOf(components(AlertMatched.class));
		assertThat(schemaProperties("news.stories.v1.json"))
			.containsExactlyInAnyOrderElementsOf(components(Story.class));
		assertThat(schemaRequired("news.stories.v1.json")).containsExactlyInAnyOrderElementsOf(components(Story.class));
	}

	@Test
	void rejectsEventWithRenamedField() {
		ObjectNode renamed = json.valueToTree(raw);
		renamed.set("headline", renamed.remove("title"));

		assertThat(validate("news.articles.raw.v1.json", renamed)).extracting(Error::getMessage)
			.anySatisfy((message) -> assertThat(message).contains("title"));
	}

	@Test
	void rejectsUnknownTagAndLowerCaseEntityType() {
		ObjectNode event = json.valueToTree(enriched);
		((ObjectNode) event.get("entities").get(0)).put("type", "location");
		event.withArray("tags").add("gossip");

		assertThat(validate("news.articles.enriched.v1.json", event)).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void writesTimesAsIsoStringsAndOriginInLowerCase() {
		JsonNode node = json.valueToTree(raw);

		assertThat(node.get("publishedAt").asString()).isEqualTo("2024-11-01T10:00:00Z");
		assertThat(node.get("origin").asString()).isEqualTo("api");
		assertThat(node.get("language").isNull()).isTrue();
	}

	@Test
	void readsBackWhatItWrites() {
		assertThat(json.readValue(json.writeValueAsString(raw), RawArticle.class)).isEqualTo(raw);
		assertThat(json.readValue(json.writeValueAsString(enriched), EnrichedArticle.class)).isEqualTo(enriched);
		assertThat(json.readValue(json.writeValueAsString(alertMatched), AlertMatched.class)).isEqualTo(alertMatched);
		assertThat(json.readValue(json.writeValueAsString(story), Story.class)).isEqualTo(story);
	}

	@Test
	void toleratesFieldsAddedByNewerProducers() {
		ObjectNode newer = json.valueToTree(raw);
		newer.put("sentiment", 0.4);

		assertThat(validate("news.articles.raw.v1.json", newer)).isEmpty();
		assertThat(json.readerFor(RawArticle.class)
			.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.<RawArticle>readValue(newer)).isEqualTo(raw);
	}

	private static List<Error> validate(String schemaFile, JsonNode event) {
		return schema(schemaFile).validate(event);
	}

	private static Schema schema(String file) {
		InputStream stream = EventContractTests.class.getResourceAsStream("/schemas/" + file);
		assertThat(stream).as("schema %s on the class path", file).isNotNull();
		return schemas.getSchema(stream);
	}

	private static List<String> schemaProperties(String file) {
		return new ArrayList<>(readSchema(file).get("properties").propertyNames());
	}

	private static List<String> schemaRequired(String file) {
		return readSchema(file).get("required").valueStream().map(JsonNode::asString).toList();
	}

	private static JsonNode readSchema(String file) {
		return json.readTree(EventContractTests.class.getResourceAsStream("/schemas/" + file));
	}

	private static List<String> components(Class<? extends Record> type) {
		return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
	}

}
