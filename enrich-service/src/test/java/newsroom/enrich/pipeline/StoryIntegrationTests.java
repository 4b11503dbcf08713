package newsroom.enrich.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import newsroom.enrich.EnrichApplication;
import newsroom.enrich.EnrichServiceIntegrationTest;
import newsroom.enrich.PoisonArticles;
import newsroom.enrich.TestKafka;
import newsroom.events.CloudEventHeaders;
import newsroom.events.Origin;
import newsroom.events.RawArticle;
import newsroom.events.Story;
import newsroom.events.Topics;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stories on the real broker: versions of one event from several sources share a story,
 * published on {@code news.stories.v1} in the enriched records' transactions; different
 * events that share their entities do not; a restarted service rebuilds its stories from
 * the topics; an article counts once however often its raw record is delivered; a
 * near-duplicate joins its original's story. The articles are the fictional groups of
 * {@code stories/dev-groups.jsonl}, each test with its own events and fresh ids, so that
 * the tests sharing the service see nothing of each other's.
 */
class StoryIntegrationTests extends EnrichServiceIntegrationTest {

	private static final Map<String, Map<String, String>> GROUPS = readGroups();

	@Autowired
	private JsonMapper jsonMapper;

	@Autowired
	private KafkaListenerEndpointRegistry registry;

	private ConfigurableApplicationContext restarted;

	@AfterEach
	void stopRestartedServiceAndResumeThisOne() {
		if (this.restarted != null) {
			this.restarted.close();
			this.restarted = null;
		}
		if (!listener().isRunning()) {
			listener().start();
		}
	}

	@Test
	void groupsThreeSourcesVersionsOfOneEventAndLeavesUnrelatedArticlesAlone() {
		RawArticle first = article("quake-1");
		RawArticle second = article("quake-2");
		RawArticle third = article("quake-3");
		List<RawArticle> unrelated = List.of(article("single-museum"), article("single-court"),
				article("single-weather"));

		send(first, second, third);
		send(unrelated.toArray(RawArticle[]::new));
		Map<String, String> stories = storyIds(first, second, third, unrelated.get(0), unrelated.get(1),
				unrelated.get(2));

		assertThat(stories.get(second.id())).isEqualTo(first.id());
		assertThat(stories.get(third.id())).isEqualTo(first.id());
		unrelated.forEach((article) -> assertThat(stories.get(article.id())).isEqualTo(article.id()));
		ConsumerRecord<String, byte[]> record = latestSnapshot(first.id(), (story) -> story.articleCount() == 3);
		Story story = story(record);
		assertThat(story.articleCount()).isEqualTo(3);
		assertThat(story.sources()).containsExactlyInAnyOrder("northwire", "lakeside", "coastpost");
		assertThat(story.articleIds()).containsExactlyInAnyOrder(first.id(), second.id(), third.id());
		assertThat(story.title()).isEqualTo(first.title());
		assertThat(TestKafka.header(record, CloudEventHeaders.TYPE)).isEqualTo(CloudEventHeaders.STORY_TYPE);
		assertThat(TestKafka.header(record, CloudEventHeaders.SOURCE)).isEqualTo(EnrichedArticlePublisher.SOURCE);
		for (RawArticle article : unrelated) {
			assertThat(story(latestSnapshot(article.id(), (alone) -> true)).articleCount()).isEqualTo(1);
		}
	}

	@Test
	void keepsApartTwoEventsThatShareTheirMainEntities() {
		RawArticle fuelTax = article("kor-fuel-1");
		RawArticle hospitals = article("kor-hosp-1");

		send(fuelTax, hospitals);
		Map<String, String> stories = storyIds(fuelTax, hospitals);

		assertThat(stories.get(fuelTax.id())).isEqualTo(fuelTax.id());
		assertThat(stories.get(hospitals.id())).isEqualTo(hospitals.id());
	}

	@Test
	void assignsALaterVersionToTheStoryAfterARestartFromWhatTheTopicsHold() {
		RawArticle first = article("nw-lay-1");
		RawArticle second = article("nw-lay-2");
		RawArticle third = article("nw-lay-3");
		send(first, second);
		assertThat(storyIds(first, second).get(second.id())).isEqualTo(first.id());

		// This service stops consuming; a new one starts with nothing but the topics.
		listener().stop();
		this.restarted = new SpringApplicationBuilder(EnrichApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + NewsroomServers.kafka().bootstrapServers(),
				"--spring.kafka.producer.transaction-id-prefix=enrich-restarted-" + UUID.randomUUID() + "-",
				"--logging.level.newsroom.enrich=WARN");
		send(third);

		assertThat(storyIds(third).get(third.id())).isEqualTo(first.id());
		Story story = story(latestSnapshot(first.id(), (snapshot) -> snapshot.articleCount() == 3));
		assertThat(story.articleIds()).containsExactlyInAnyOrder(first.id(), second.id(), third.id());
		assertThat(story.sources()).containsExactlyInAnyOrder("dailyledger", "capitalnews", "northwire");
		assertThat(story.title()).isEqualTo(first.title());
	}

	@Test
	void countsAnArticleOnceWhenItsRawRecordIsDeliveredAgain() {
		RawArticle first = article("rh-league-1");
		RawArticle second = article("rh-league-2");
		RawArticle third = article("rh-league-3");
		RawArticle poison = TestKafka.rawArticle(PoisonArticles.TITLE + "Referee reports",
				"The referees' association published its annual report on Monday.");
		send(first);
		storyIds(first);

		// One partition, one poll: the poison record rolls the batch back until it is
		// given up, so the second version is delivered and assigned several times; the
		// first arrives again as a duplicate raw record.
		TestKafka.send(TestKafka.rawRecord(second.id(), 1, bytes(second)),
				TestKafka.rawRecord(poison.id(), 1, bytes(poison)), TestKafka.rawRecord(first.id(), 1, bytes(first)));
		TestKafka.readUntil(Topics.RAW_DLT, TestKafka.hasKeys(poison.id()));
		send(third);
		Map<String, String> stories = storyIds(first, second, third);

		assertThat(stories.values()).containsOnly(first.id());
		// Every attempt before the last was rolled back: one enriched record each.
		assertThat(TestKafka.readToEnd(TestKafka.openBroker(), Topics.ENRICHED, second.id()::equals)).hasSize(1);
		assertThat(TestKafka.readToEnd(TestKafka.openBroker(), Topics.ENRICHED, first.id()::equals)).hasSize(2);
		List<Story> snapshots = snapshots(first.id(), (story) -> story.articleCount() >= 3);
		assertThat(snapshots).extracting(Story::articleCount).allSatisfy((count) -> assertThat(count).isLessThan(4));
		Story latest = snapshots.get(snapshots.size() - 1);
		assertThat(latest.articleCount()).isEqualTo(3);
		assertThat(latest.articleIds()).containsExactlyInAnyOrder(first.id(), second.id(), third.id());
	}

	@Test
	void putsANearDuplicateInItsOriginalsStoryEvenPublishedDaysLater() {
		RawArticle original = article("rh-cup-1");
		RawArticle copy = new RawArticle(RawArticle.SCHEMA_VERSION, original.id() + "-copy", 1, null, null,
				"republisher", "Shield semi-final: Harbour City through after shoot-out", original.text(), null,
				original.publishedAt().plusSeconds(7 * 24 * 3600), Instant.now(), "en", "hash-" + UUID.randomUUID(),
				Origin.FEED, null);
		send(original);
		storyIds(original);

		send(copy);
		JsonNode enriched = enriched(copy);

		assertThat(enriched.get("duplicateOf").asString()).isEqualTo(original.id());
		assertThat(enriched.get("storyId").asString()).isEqualTo(original.id());
		Story story = story(latestSnapshot(original.id(), (snapshot) -> snapshot.articleCount() == 2));
		assertThat(story.articleIds()).containsExactlyInAnyOrder(original.id(), copy.id());
		assertThat(story.sources()).containsExactlyInAnyOrder("lakeside", "republisher");
	}

	private MessageListenerContainer listener() {
		return this.registry.getListenerContainer(RawArticleListener.ID);
	}

	/** One of the written articles as ingest would publish it, with a fresh id. */
	private static RawArticle article(String name) {
		Map<String, String> fields = GROUPS.get(name);
		String id = name + "-" + UUID.randomUUID();
		Instant published = Instant.parse(fields.get("publishedAt"));
		return new RawArticle(RawArticle.SCHEMA_VERSION, id, published.toEpochMilli(), fields.get("url"),
				fields.get("url"), fields.get("source"), fields.get("title"), fields.get("body"), null, published,
				published.plusSeconds(60), "en", "hash-" + id, Origin.API, null);
	}

	/** Sends articles one after the other, each once the one before is enriched. */
	private void send(RawArticle... articles) {
		for (RawArticle article : articles) {
			TestKafka.send(TestKafka.rawRecord(article.id(), null, bytes(article)));
			enriched(article);
		}
	}

	private byte[] bytes(RawArticle article) {
		return this.jsonMapper.writeValueAsBytes(article);
	}

	private JsonNode enriched(RawArticle article) {
		List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(Topics.ENRICHED,
				TestKafka.hasKeys(article.id()));
		List<ConsumerRecord<String, byte[]>> mine = TestKafka.withKey(records, article.id());
		return this.jsonMapper.readTree(mine.get(mine.size() - 1).value());
	}

	private Map<String, String> storyIds(RawArticle... articles) {
		Map<String, String> stories = new LinkedHashMap<>();
		for (RawArticle article : articles) {
			stories.put(article.id(), enriched(article).get("storyId").asString());
		}
		return stories;
	}

	/** The story's latest committed snapshot, once one satisfies the condition. */
	private ConsumerRecord<String, byte[]> latestSnapshot(String storyId, Predicate<Story> condition) {
		List<ConsumerRecord<String, byte[]>> records = TestKafka.readUntil(Topics.STORIES,
				(read) -> TestKafka.withKey(read, storyId).stream().map(this::story).anyMatch(condition));
		List<ConsumerRecord<String, byte[]>> mine = TestKafka.withKey(records, storyId);
		return mine.get(mine.size() - 1);
	}

	private List<Story> snapshots(String storyId, Predicate<Story> condition) {
		latestSnapshot(storyId, condition);
		return TestKafka.readToEnd(TestKafka.openBroker(), Topics.STORIES, storyId::equals)
			.stream()
			.map(this::story)
			.toList();
	}

	private Story story(ConsumerRecord<String, byte[]> record) {
		return this.jsonMapper.readValue(record.value(), Story.class);
	}

	private static Map<String, Map<String, String>> readGroups() {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, Map<String, String>> groups = new LinkedHashMap<>();
		try (InputStream in = StoryIntegrationTests.class.getResourceAsStream("/stories/dev-groups.jsonl")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank()) {
					JsonNode node = json.readTree(line);
					Map<String, String> fields = new LinkedHashMap<>();
					node.propertyNames().forEach((name) -> fields.put(name, node.get(name).asString()));
					groups.put(fields.get("id"), fields);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return groups;
	}

}
