package newsroom.enrich.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import newsroom.enrich.EnrichServiceIntegrationTest;
import newsroom.enrich.PoisonArticles;
import newsroom.enrich.TestArticles;
import newsroom.enrich.TestKafka;
import newsroom.enrich.duplicate.DuplicateIndex;
import newsroom.events.CloudEventHeaders;
import newsroom.events.DeadLetterHeaders;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.serializer.SerializationUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RawArticleEnrichmentIntegrationTests extends EnrichServiceIntegrationTest {

	@Autowired
	private JsonMapper jsonMapper;

	@Autowired
	private DuplicateIndex duplicates;

	@Test
	void publishesEnrichedArticleWithRawFieldsAndCloudEventHeaders() {
		RawArticle raw = TestKafka.rawArticle(TestArticles.SAMPLE_TITLE, TestArticles.sample(TestArticles.SAMPLE));
		TestKafka.send(TestKafka.rawRecord(raw.id(), null, this.jsonMapper.writeValueAsBytes(raw)));

		List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(Topics.ENRICHED,
				TestKafka.hasKeys(raw.id()));

		List<ConsumerRecord<String, byte[]>> enriched = TestKafka.withKey(records, raw.id());
		assertThat(enriched).hasSize(1);
		ConsumerRecord<String, byte[]> record = enriched.get(0);
		JsonNode value = this.jsonMapper.readTree(record.value());
		assertThat(EnrichedSchema.errors(value)).isEmpty();
		JsonNode rawValue = this.jsonMapper.valueToTree(raw);
		rawValue.properties().forEach((field) -> {
			if (!field.getKey().equals("language")) {
				assertThat(value.get(field.getKey())).as(field.getKey()).isEqualTo(field.getValue());
			}
		});
		assertThat(value.get("language").asString()).isEqualTo("en");
		assertThat(value.get("summary").asString()).startsWith("North Korea has sent")
			.startsWith(TestArticles.lead(TestArticles.SAMPLE))
			.hasSizeLessThanOrEqualTo(600);
		assertThat(value.get("wordCount").asInt()).isEqualTo(527);
		assertThat(value.get("readingTimeMinutes").asInt()).isEqualTo(3);
		assertThat(value.get("entities").isArray()).isTrue();
		assertThat(value.get("tags").isArray()).isTrue();
		assertThat(value.get("keywords").isArray()).isTrue();
		assertThat(value.get("duplicateOf").isNull()).isTrue();
		Instant enrichedAt = Instant.parse(value.get("enrichedAt").asString());
		assertThat(TestKafka.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
		assertThat(TestKafka.header(record, CloudEventHeaders.TYPE)).isEqualTo("newsroom.article.enriched.v1");
		assertThat(TestKafka.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/newsroom/enrich-service");
		assertThat(TestKafka.header(record, CloudEventHeaders.ID)).isNotBlank();
		assertThat(Instant.parse(TestKafka.header(record, CloudEventHeaders.TIME))).isEqualTo(enrichedAt);
		assertThat(TestKafka.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
		assertThat(record.headers().lastHeader("__TypeId__")).isNull();
	}

	@Test
	void enrichesAnArticleLargerThanKafkasDefaultRecordLimit() {
		// Text of its own: built from another test's article it would be that article's
		// near-duplicate.
		StringBuilder text = new StringBuilder();
		for (int part = 1; text.length() < 1_300_000; part++) {
			text.append("Ledger entry ")
				.append(part)
				.append(" records that the harbour office weighed cargo lot ")
				.append(part * 7)
				.append(" and filed receipt ")
				.append(part * 13)
				.append(" before the tide turned.\n\n");
		}
		RawArticle raw = TestKafka.rawArticle("A very long dossier", text.toString());
		byte[] value = this.jsonMapper.writeValueAsBytes(raw);
		assertThat(value.length).as("larger than Kafka's 1 MB default").isGreaterThan(1_048_576);

		TestKafka.send(TestKafka.rawRecord(raw.id(), null, value));

		List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(Topics.ENRICHED,
				TestKafka.hasKeys(raw.id()));
		JsonNode enriched = this.jsonMapper.readTree(TestKafka.withKey(records, raw.id()).get(0).value());
		assertThat(enriched.get("text").asString()).hasSize(raw.text().length());
		assertThat(enriched.get("wordCount").asInt()).isGreaterThan(150_000);
	}

	@Test
	void keepsLanguageGivenByIngest() {
		RawArticle raw = TestKafka.rawArticle("Ein Titel", "Nur ein kurzer Satz auf Deutsch, der sicher erkannt wird.");
		RawArticle claimedFrench = new RawArticle(raw.schemaVersion(), raw.id(), raw.revision(), raw.url(),
				raw.canonicalUrl(), raw.source(), raw.title(), raw.text(), raw.author(), raw.publishedAt(),
				raw.ingestedAt(), "fr", raw.contentHash(), raw.origin(), raw.feedId());
		TestKafka.send(TestKafka.rawRecord(raw.id(), null, this.jsonMapper.writeValueAsBytes(claimedFrench)));

		List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(Topics.ENRICHED,
				TestKafka.hasKeys(raw.id()));

		JsonNode value = this.jsonMapper.readTree(TestKafka.withKey(records, raw.id()).get(0).value());
		assertThat(value.get("language").asString()).isEqualTo("fr");
	}

	@Test
	void deadLettersUnreadableAndInvalidRecordsAndEnrichesTheRecordAfterThem() {
		String notJsonKey = "not-json-" + UUID.randomUUID();
		byte[] notJson = "this is { not JSON".getBytes(StandardCharsets.UTF_8);
		String invalidKey = "invalid-" + UUID.randomUUID();
		byte[] invalid = ("{\"schemaVersion\":2,\"id\":\"" + invalidKey + "\",\"text\":\"No title here.\"}")
			.getBytes(StandardCharsets.UTF_8);
		RawArticle good = TestKafka.rawArticle("Harbour reopens after storm",
				"The harbour reopened on Tuesday after last week's storm damaged two piers. Ferries run again.");
		// One partition, so the good record comes after the two poison records.
		TestKafka.send(TestKafka.rawRecord(notJsonKey, 0, notJson));
		TestKafka.send(TestKafka.rawRecord(invalidKey, 0, invalid));
		TestKafka.send(TestKafka.rawRecord(good.id(), 0, this.jsonMapper.writeValueAsBytes(good)));

		List<ConsumerRecord<String, byte[]>> deadLetters = TestKafka.readUntil(Topics.RAW_DLT,
				TestKafka.hasKeys(notJsonKey, invalidKey));
		List<ConsumerRecord<String, byte[]>> enriched = TestKafka.readUntil(Topics.ENRICHED,
				TestKafka.hasKeys(good.id()));

		ConsumerRecord<String, byte[]> notJsonLetter = single(deadLetters, notJsonKey);
		assertThat(notJsonLetter.value()).isEqualTo(notJson);
		// The Java-serialized exception the ErrorHandlingDeserializer stashed is of no
		// use
		// to a non-Java subscriber: the reason headers replace it.
		assertThat(notJsonLetter.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER)).isNull();
		assertThat(TestKafka.header(notJsonLetter, DeadLetterHeaders.ERROR)).startsWith("tools.jackson.");
		assertThat(TestKafka.header(notJsonLetter, DeadLetterHeaders.REASON)).isNotBlank();
		assertThat(Instant.parse(TestKafka.header(notJsonLetter, DeadLetterHeaders.FAILED_AT))).isNotNull();
		ConsumerRecord<String, byte[]> invalidLetter = single(deadLetters, invalidKey);
		assertThat(invalidLetter.value()).isEqualTo(invalid);
		assertThat(TestKafka.header(invalidLetter, DeadLetterHeaders.ERROR))
			.isEqualTo(InvalidRawArticleException.class.getName());
		assertThat(TestKafka.header(invalidLetter, DeadLetterHeaders.REASON))
			.contains("schemaVersion: must be the constant value '1'", "required property 'title' not found");
		assertThat(Instant.parse(TestKafka.header(invalidLetter, DeadLetterHeaders.FAILED_AT))).isNotNull();
		assertThat(TestKafka.header(invalidLetter, CloudEventHeaders.TYPE)).isEqualTo(CloudEventHeaders.RAW_TYPE);
		assertThat(TestKafka.withKey(enriched, good.id())).hasSize(1);
		assertThat(TestKafka.withKey(enriched, notJsonKey)).isEmpty();
		assertThat(TestKafka.withKey(enriched, invalidKey)).isEmpty();
	}

	@Test
	void deadLettersAnArticleThatKeepsFailingAndPublishesItsBatchNeighboursOnce() {
		RawArticle before = TestKafka.rawArticle("Lighthouse keeper retires",
				"After forty years the keeper of the Gull Rock light retired on Friday. A trust will run it.");
		RawArticle poison = TestKafka.rawArticle(PoisonArticles.TITLE + "Tide tables revised",
				"The port authority revised its tide tables for the winter after surveyors remeasured the channel.");
		RawArticle after = TestKafka.rawArticle("Fish market moves indoors",
				"The Saturday fish market moves into the old rope works from next month, the traders said.");
		// One partition, sent together: one poll's batch, in which the poison record
		// fails every attempt until its retries are given up.
		TestKafka.send(TestKafka.rawRecord(before.id(), 1, this.jsonMapper.writeValueAsBytes(before)),
				TestKafka.rawRecord(poison.id(), 1, this.jsonMapper.writeValueAsBytes(poison)),
				TestKafka.rawRecord(after.id(), 1, this.jsonMapper.writeValueAsBytes(after)));

		List<ConsumerRecord<String, byte[]>> deadLetters = TestKafka.readUntil(Topics.RAW_DLT,
				TestKafka.hasKeys(poison.id()));
		List<ConsumerRecord<String, byte[]>> enriched = TestKafka.readUntil(Topics.ENRICHED,
				TestKafka.hasKeys(before.id(), after.id()));
		List<ConsumerRecord<String, byte[]>> fingerprints = TestKafka.readUntil(FingerprintPublisher.TOPIC,
				TestKafka.hasKeys(before.id(), after.id()));

		ConsumerRecord<String, byte[]> letter = single(deadLetters, poison.id());
		assertThat(this.jsonMapper.readValue(letter.value(), RawArticle.class)).isEqualTo(poison);
		assertThat(TestKafka.header(letter, DeadLetterHeaders.ERROR))
			.isEqualTo(IllegalArgumentException.class.getName());
		assertThat(TestKafka.header(letter, DeadLetterHeaders.REASON)).isEqualTo(PoisonArticles.REASON);
		// Every attempt but the last was rolled back: read_committed sees each good
		// article once, and nothing of the poison one.
		single(enriched, before.id());
		single(enriched, after.id());
		assertThat(TestKafka.withKey(enriched, poison.id())).isEmpty();
		single(fingerprints, before.id());
		single(fingerprints, after.id());
		assertThat(TestKafka.withKey(fingerprints, poison.id())).isEmpty();
		// The index learns a batch's fingerprints just after its commit.
		await().until(() -> this.duplicates.firstSeen(after.id()).isPresent());
		assertThat(this.duplicates.firstSeen(before.id())).isPresent();
		assertThat(this.duplicates.firstSeen(poison.id())).isEmpty();
	}

	private static ConsumerRecord<String, byte[]> single(List<ConsumerRecord<String, byte[]>> records, String key) {
		List<ConsumerRecord<String, byte[]>> matching = TestKafka.withKey(records, key);
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

}
