package newsroom.events;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document must name the real topics, headers and schema files.
 */
class AsyncApiDocumentTests {

	private final JsonNode document = new YAMLMapper()
		.readTree(AsyncApiDocumentTests.class.getResourceAsStream("/asyncapi.yaml"));

	@Test
	void isAnAsyncApi3Document() {
		assertThat(this.document.path("asyncapi").asString()).startsWith("3.");
	}

	@Test
	void describesEveryTopicOfTheRegistry() {
		List<String> addresses = new ArrayList<>();
		this.document.path("channels").forEach((channel) -> addresses.add(channel.path("address").asString()));

		assertThat(addresses).containsExactlyInAnyOrder(Topics.RAW, Topics.ENRICHED, Topics.ALERTS, Topics.STORIES,
				Topics.RAW_DLT, Topics.ENRICHED_DLT, Topics.STORIES_DLT);
	}

	@Test
	void referencesTheSchemaFilesThatShipInTheJar() {
		JsonNode messages = this.document.path("components").path("messages");
		String raw = messages.path("rawArticle").path("payload").path("$ref").asString();
		String enriched = messages.path("enrichedArticle").path("payload").path("$ref").asString();
		String alerts = messages.path("alertMatched").path("payload").path("$ref").asString();
		String story = messages.path("story").path("payload").path("$ref").asString();

		assertThat(raw).isEqualTo("schemas/news.articles.raw.v1.json");
		assertThat(enriched).isEqualTo("schemas/news.articles.enriched.v1.json");
		assertThat(alerts).isEqualTo("schemas/news.alerts.v1.json");
		assertThat(story).isEqualTo("schemas/news.stories.v1.json");
		assertThat(getClass().getResource("/" + raw)).isNotNull();
		assertThat(getClass().getResource("/" + enriched)).isNotNull();
		assertThat(getClass().getResource("/" + alerts)).isNotNull();
		assertThat(getClass().getResource("/" + story)).isNotNull();
	}

	@Test
	void listsEveryEventType() {
		JsonNode types = this.document.path("components")
			.path("schemas")
			.path("cloudEventHeaders")
			.path("properties")
			.path(CloudEventHeaders.TYPE)
			.path("enum");

		assertThat(types.valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(CloudEventHeaders.RAW_TYPE,
				CloudEventHeaders.ENRICHED_TYPE, CloudEventHeaders.ALERT_MATCH_TYPE, CloudEventHeaders.STORY_TYPE);
	}

	@Test
	void listsTheCloudEventsAndDeadLetterHeaders() {
		JsonNode components = this.document.path("components");
		JsonNode cloudEvents = components.path("schemas").path("cloudEventHeaders").path("required");
		JsonNode deadLetter = components.path("messages").path("deadLetter").path("headers").path("properties");

		assertThat(cloudEvents.valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
				CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE,
				CloudEventHeaders.TIME, CloudEventHeaders.CONTENT_TYPE);
		assertThat(deadLetter.propertyNames()).containsExactlyInAnyOrder(DeadLetterHeaders.ERROR,
				DeadLetterHeaders.REASON, DeadLetterHeaders.FAILED_AT);
	}

}
