package newsroom.enrich.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import newsroom.enrich.EnrichApplication;
import newsroom.enrich.EnrichServiceIntegrationTest;
import newsroom.enrich.TestKafka;
import newsroom.events.CloudEventHeaders;
import newsroom.events.Origin;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance 3: exactly once across a crash, on the real broker. 5,000 raw records are
 * enriched by the service running in a child JVM, which is killed ({@code SIGKILL}, no
 * shutdown hooks) mid-stream and started again with the same transactional id prefix. The
 * enriched topic, read {@code read_committed}, must then hold exactly one record per raw
 * record. The in-process service of the other integration tests shares the consumer
 * group, so its listener is stopped meanwhile.
 */
class ExactlyOnceCrashIntegrationTests extends EnrichServiceIntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(ExactlyOnceCrashIntegrationTests.class);

	private static final int RECORDS = 5_000;

	/** Killed once at least this many enriched records are visible. */
	private static final int KILL_AFTER = 1_000;

	@Autowired
	private KafkaListenerEndpointRegistry registry;

	@Autowired
	private JsonMapper jsonMapper;

	private final List<Process> processes = new ArrayList<>();

	@BeforeEach
	void stopInProcessListener() {
		listener().stop();
	}

	@AfterEach
	void stopChildrenAndRestartInProcessListener() throws InterruptedException {
		for (Process process : this.processes) {
			// Gracefully, so that no transaction is left open for later tests' readers.
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		listener().start();
	}

	@Test
	void enrichesEachRawRecordExactlyOnceAcrossKill() throws Exception {
		String run = "crash-" + UUID.randomUUID();
		String transactionPrefix = run + "-tx-";
		List<String> ids = produceRawRecords(run);
		Instant start = Instant.now();

		Process first = startService(run, transactionPrefix, 1);
		await().atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> enrichedKeys(run).size() >= KILL_AFTER);
		first.destroyForcibly();
		assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
		int visibleAtKill = enrichedKeys(run).size();
		Duration beforeKill = Duration.between(start, Instant.now());

		Process second = startService(run, transactionPrefix, 2);
		await().atMost(Duration.ofMinutes(6))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> second.isAlive() && rawTopicFullyConsumed());
		Duration total = Duration.between(start, Instant.now());

		List<ConsumerRecord<String, byte[]>> enriched = enrichedRecords(run);
		Set<String> keys = new HashSet<>();
		enriched.forEach((record) -> keys.add(record.key()));
		log.info(
				"Crash test: {} raw records, {} enriched visible when killed after {} s, {} enriched records "
						+ "({} distinct keys) after restart, {} s in all",
				RECORDS, visibleAtKill, beforeKill.toSeconds(), enriched.size(), keys.size(), total.toSeconds());
		assertThat(visibleAtKill).as("killed mid-stream").isBetween(KILL_AFTER, RECORDS - 1);
		assertThat(keys).as("none lost").containsExactlyInAnyOrderElementsOf(ids);
		assertThat(enriched).as("none doubled").hasSize(RECORDS);
	}

	private MessageListenerContainer listener() {
		return this.registry.getListenerContainer(RawArticleListener.ID);
	}

	private List<String> produceRawRecords(String run) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10);
		List<String> ids = new ArrayList<>();
		Instant published = Instant.parse("2024-11-01T10:00:00Z");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			for (int i = 0; i < RECORDS; i++) {
				String id = run + "-" + i;
				String text = "Record " + i + " of the crash test. The harbour council met on Tuesday in Portsmouth "
						+ "and agreed to repair pier " + i + " before the ferry season. Mayor Jane Holloway said the "
						+ "work would take six weeks.";
				RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, id, published.toEpochMilli() + i, null, null,
						"crash-test", "Pier " + i + " to be repaired", text, null, published, published, "en",
						"hash-" + id, Origin.BATCH, null);
				RecordHeaders headers = new RecordHeaders();
				headers.add(CloudEventHeaders.TYPE, CloudEventHeaders.RAW_TYPE.getBytes(StandardCharsets.UTF_8));
				producer
					.send(new ProducerRecord<>(Topics.RAW, null, id, this.jsonMapper.writeValueAsBytes(raw), headers));
				ids.add(id);
			}
			producer.flush();
		}
		return ids;
	}

	/**
	 * The service in a JVM of its own, on this test's classpath, so that it can be killed
	 * like a crashed process.
	 */
	private Process startService(String run, String transactionPrefix, int attempt) throws IOException {
		Path logs = Path.of("target", "crash-test");
		Files.createDirectories(logs);
		Path logFile = logs.resolve(run + "-" + attempt + ".log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-cp",
				System.getProperty("java.class.path"), EnrichApplication.class.getName(),
				"--spring.kafka.bootstrap-servers=" + bootstrapServers(), "--server.port=0",
				"--spring.kafka.producer.transaction-id-prefix=" + transactionPrefix,
				"--logging.level.org.apache.kafka=WARN");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(logFile.toFile())
			.start();
		this.processes.add(process);
		log.info("Started enrich-service (attempt {}) as process {}, log {}", attempt, process.pid(),
				logFile.toAbsolutePath());
		return process;
	}

	private Set<String> enrichedKeys(String run) {
		Set<String> keys = new HashSet<>();
		enrichedRecords(run).forEach((record) -> keys.add(record.key()));
		return keys;
	}

	/** Every committed enriched record of this run, read from the start of the topic. */
	private List<ConsumerRecord<String, byte[]>> enrichedRecords(String run) {
		return TestKafka.readToEnd(TestKafka.openBroker(), Topics.ENRICHED, (key) -> key.startsWith(run + "-"));
	}

	/**
	 * The enrich-service group has committed offsets at the end of every raw partition:
	 * nothing is left to enrich, so nothing more can be written.
	 */
	private boolean rawTopicFullyConsumed() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("enrich-service")
				.partitionsToOffsetAndMetadata()
				.get(30, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(List.of(Topics.RAW))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(Topics.RAW)
				.partitions()
				.forEach((p) -> latest.put(new TopicPartition(Topics.RAW, p.partition()), OffsetSpec.latest()));
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest)
				.all()
				.get(30, TimeUnit.SECONDS);
			return ends.entrySet()
				.stream()
				.allMatch((end) -> committed.containsKey(end.getKey())
						&& committed.get(end.getKey()).offset() >= end.getValue().offset());
		}
	}

	private static String bootstrapServers() {
		return NewsroomServers.kafka().bootstrapServers();
	}

}
