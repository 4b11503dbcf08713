package newsroom.enrich.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import newsroom.enrich.TestKafka;
import newsroom.events.Origin;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import newsroom.servers.EmbeddedKafkaCluster;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * enrich-service on a 3-broker KRaft cluster loses a broker mid-stream and nothing is
 * lost or doubled. The service creates its topics with three replicas (the brokers
 * require two in sync); an idempotent {@code acks=all} producer writes raw articles while
 * the service enriches them in its read-process-write transactions. The broker leading
 * the enriched topic's first partition is stopped as a crash looks to the others, and the
 * enriched topic, read {@code read_committed}, must then hold exactly one record per raw
 * article.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.kafka.producer.transaction-id-prefix=enrich-cluster-${random.uuid}-",
				"newsroom.enrich.topics.replication-factor=3" })
@DirtiesContext
class ClusterFailoverIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(ClusterFailoverIntegrationTests.class);

	private static final int RECORDS = 1_500;

	/** The broker dies once this many articles are enriched and committed. */
	private static final int KILL_AFTER = 400;

	/** How far the producer may run ahead of the service, so the crash hits both. */
	private static final int AHEAD = 300;

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private static EmbeddedKafkaCluster cluster;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private JsonMapper jsonMapper;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> cluster().bootstrapServers());
	}

	@Test
	void enrichesEachRawArticleOnceWhenBrokerDiesMidStream() throws Exception {
		String run = "failover-" + UUID.randomUUID();
		assertThat(replication(Topics.RAW)).isEqualTo(Map.entry(3, "2"));
		assertThat(replication(Topics.ENRICHED)).isEqualTo(Map.entry(3, "2"));
		int victim = leader(Topics.ENRICHED);

		List<Future<RecordMetadata>> acks;
		try (KafkaProducer<String, byte[]> producer = producer()) {
			AtomicInteger sent = new AtomicInteger();
			CompletableFuture<List<Future<RecordMetadata>>> sending = CompletableFuture
				.supplyAsync(() -> send(producer, run, sent));
			await().atMost(TIMEOUT).until(() -> enriched() >= KILL_AFTER);
			logger.info("Stopping broker {} with {} raw articles sent, {} enriched", victim, sent.get(), enriched());
			cluster.stop(victim);
			acks = sending.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			for (Future<RecordMetadata> ack : acks) {
				// Each raw article is on two replicas at least; none failed.
				ack.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			}
		}
		await().atMost(TIMEOUT).until(() -> enriched() >= RECORDS);
		List<ConsumerRecord<String, byte[]>> enriched = TestKafka.readToEnd(broker(), Topics.ENRICHED,
				(key) -> key.startsWith(run + "-"));

		Set<String> keys = new HashSet<>();
		enriched.forEach((record) -> keys.add(record.key()));
		logger.info("Fail-over: {} raw articles, {} enriched records, {} distinct keys", RECORDS, enriched.size(),
				keys.size());
		assertThat(cluster.isRunning(victim)).isFalse();
		assertThat(keys).as("none lost").hasSize(RECORDS);
		assertThat(enriched).as("none doubled").hasSize(RECORDS);
		assertThat(counter("dead-lettered")).as("none dead-lettered").isZero();
	}

	/**
	 * Sends every raw article, a hundred at a time and never far ahead of the service, so
	 * the crash falls in the middle of both.
	 */
	private List<Future<RecordMetadata>> send(KafkaProducer<String, byte[]> producer, String run, AtomicInteger sent) {
		List<Future<RecordMetadata>> acks = new ArrayList<>(RECORDS);
		Instant published = Instant.parse("2024-11-01T10:00:00Z");
		for (int i = 0; i < RECORDS; i++) {
			String id = run + "-" + i;
			String text = "Report " + i + " of the fail-over test. The port authority of Valmora met on Monday "
					+ "and agreed to dredge berth " + i + " before the winter storms. Harbour master Ines Okafor "
					+ "said the work would take " + (i % 9 + 2) + " weeks.";
			RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, id, published.toEpochMilli() + i, null, null,
					"failover-test", "Berth " + i + " to be dredged", text, null, published, published, "en",
					"hash-" + id, Origin.BATCH, null);
			acks.add(producer.send(TestKafka.rawRecord(id, null, this.jsonMapper.writeValueAsBytes(raw))));
			if (sent.incrementAndGet() % 100 == 0) {
				producer.flush();
				await().atMost(TIMEOUT).until(() -> enriched() >= sent.get() - AHEAD);
			}
		}
		producer.flush();
		return acks;
	}

	private double enriched() {
		return counter("enriched");
	}

	private double counter(String outcome) {
		return this.meters.get(EnrichMetrics.ARTICLES).tag("outcome", outcome).counter().count();
	}

	/** A topic's replicas per partition and its {@code min.insync.replicas}. */
	private static Map.Entry<Integer, String> replication(String topic) throws Exception {
		try (Admin admin = admin()) {
			TopicDescription description = admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(60, TimeUnit.SECONDS)
				.get(topic);
			ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
			Config config = admin.describeConfigs(List.of(resource)).all().get(60, TimeUnit.SECONDS).get(resource);
			return Map.entry(description.partitions().get(0).replicas().size(),
					config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value());
		}
	}

	private static int leader(String topic) throws Exception {
		try (Admin admin = admin()) {
			return admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(60, TimeUnit.SECONDS)
				.get(topic)
				.partitions()
				.get(0)
				.leader()
				.id();
		}
	}

	private static KafkaProducer<String, byte[]> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster().bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster().bootstrapServers()));
	}

	private static Map<String, Object> broker() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster().bootstrapServers());
	}

	/**
	 * The cluster goes with this test's application context (never reused:
	 * {@link DirtiesContext}), after the service's Kafka clients have closed.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class ClusterLifecycle {

		@Bean
		DisposableBean stopKafkaCluster() {
			return () -> cluster().close();
		}

	}

	private static synchronized EmbeddedKafkaCluster cluster() {
		if (cluster == null) {
			cluster = NewsroomServers.startKafkaCluster(3, Map.of());
		}
		return cluster;
	}

}
