package newsroom.enrich.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import newsroom.enrich.EnrichServiceIntegrationTest;
import newsroom.enrich.TestKafka;
import newsroom.enrich.config.EnrichProperties;
import newsroom.enrich.duplicate.DuplicateIndex;
import newsroom.enrich.story.StoryIndex;
import newsroom.enrich.story.StoryScorer;
import newsroom.enrich.story.StoryWeights;
import newsroom.events.CloudEventHeaders;
import newsroom.events.Origin;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Near-duplicates on the real broker: the later copy points at the earlier article, and
 * the fingerprints committed with the enriched records rebuild the index as a restarted
 * service would.
 */
class NearDuplicateIntegrationTests extends EnrichServiceIntegrationTest {

	private static final long ORIGINAL_SEED = 20261130L;

	private static final long UNRELATED_SEED = 20261201L;

	@Autowired
	private JsonMapper jsonMapper;

	@Autowired
	private KafkaProperties kafkaProperties;

	@Autowired
	private EnrichProperties properties;

	@Test
	void pointsLaterCopyAtEarlierArticleAndRebuildsIndexFromFingerprints() {
		String story = story(ORIGINAL_SEED);
		RawArticle original = raw("Council approves harbour plan", story);
		RawArticle copy = raw("Harbour plan approved by council", story.replace("on Tuesday", "on Tuesday evening"));
		RawArticle unrelated = raw("Council approves harbour plan", story(UNRELATED_SEED));

		send(original);
		TestKafka.readUntil(Topics.ENRICHED, TestKafka.hasKeys(original.id()));
		send(copy);
		send(unrelated);
		List<ConsumerRecord<String, byte[]>> enriched = TestKafka.readUntil(Topics.ENRICHED,
				TestKafka.hasKeys(copy.id(), unrelated.id()));

		assertThat(duplicateOf(enriched, original.id())).isNull();
		assertThat(duplicateOf(enriched, copy.id())).isEqualTo(original.id());
		assertThat(duplicateOf(enriched, unrelated.id())).isNull();
		List<ConsumerRecord<String, byte[]>> fingerprints = TestKafka.readUntil(FingerprintPublisher.TOPIC,
				TestKafka.hasKeys(original.id(), copy.id(), unrelated.id()));
		assertThat(TestKafka.withKey(fingerprints, original.id())).hasSize(1);

		DuplicateIndex rebuilt = new DuplicateIndex(this.properties.duplicates().maxDistance());
		StoryIndex stories = new StoryIndex(new StoryScorer(StoryWeights.DEFAULT, Duration.ofHours(72)), 1_000,
				Clock.systemUTC());
		StateLoader loader = new StateLoader(this.kafkaProperties, rebuilt, stories, this.jsonMapper, this.properties);
		loader.start();
		try {
			assertThat(rebuilt.firstSeen(original.id())).isPresent();
			long copyFingerprint = this.jsonMapper
				.readValue(TestKafka.withKey(fingerprints, copy.id()).get(0).value(), Fingerprint.class)
				.value();
			assertThat(rebuilt.earlierDuplicate(copy.id(), copyFingerprint)).contains(original.id());
		}
		finally {
			loader.stop();
		}
	}

	private String duplicateOf(List<ConsumerRecord<String, byte[]>> records, String id) {
		JsonNode value = this.jsonMapper.readTree(TestKafka.withKey(records, id).get(0).value());
		return value.get("duplicateOf").isNull() ? null : value.get("duplicateOf").asString();
	}

	/** A story no other test sends: its words are drawn at random. */
	/**
	 * A story of random words from a fixed seed: a copy that changes one phrase stays
	 * within the near-duplicate distance whatever the run (measured: 1 of 64 bits for
	 * this seed), where fresh random words landed beyond it in about 3% of runs.
	 */
	private static String story(long seed) {
		Random random = new Random(seed);
		StringBuilder story = new StringBuilder("The council voted on Tuesday to approve the harbour plan.");
		for (int sentence = 0; sentence < 30; sentence++) {
			story.append(" The");
			for (int word = 0; word < 10; word++) {
				story.append(' ');
				for (int letter = 0; letter < 5 + (word % 4); letter++) {
					story.append((char) ('a' + random.nextInt(26)));
				}
			}
			story.append('.');
		}
		return story.toString();
	}

	private void send(RawArticle article) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(CloudEventHeaders.TYPE, CloudEventHeaders.RAW_TYPE.getBytes(StandardCharsets.UTF_8));
		TestKafka.send(new ProducerRecord<>(Topics.RAW, null, article.id(), this.jsonMapper.writeValueAsBytes(article),
				headers));
	}

	private static RawArticle raw(String title, String text) {
		String id = UUID.randomUUID().toString();
		Instant published = Instant.parse("2024-11-01T10:00:00Z");
		return new RawArticle(RawArticle.SCHEMA_VERSION, id, published.toEpochMilli(), null, null, "harbour-news",
				title, text, null, published, published.plusSeconds(60), "en", "hash-" + id, Origin.API, null);
	}

}
