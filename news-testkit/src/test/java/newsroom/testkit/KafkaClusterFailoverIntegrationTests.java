package newsroom.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import newsroom.servers.EmbeddedKafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.transaction.KafkaTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 3-broker cluster loses a broker mid-stream and nothing is lost or doubled end to end.
 * Topics have three replicas and {@code min.insync.replicas=2}; an idempotent
 * {@code acks=all} producer writes the input while a read-process-write consumer (a
 * Spring Kafka container with Kafka transactions, as enrich-service runs) copies it to
 * the output. The broker leading the output's first partition is stopped as a crash looks
 * to the others, and the output, read {@code read_committed}, must then hold one record
 * per input record.
 */
class KafkaClusterFailoverIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(KafkaClusterFailoverIntegrationTests.class);

	private static final int RECORDS = 6_000;

	/** The broker dies once this many records are in and some are processed. */
	private static final int KILL_AFTER = 2_000;

	private static final String INPUT = "failover-in";

	private static final String OUTPUT = "failover-out";

	private static EmbeddedKafkaCluster cluster;

	private static Admin admin;

	@BeforeAll
	static void startCluster() throws Exception {
		cluster = NewsroomServers.startKafkaCluster(3, Map.of());
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
		Map<String, String> durable = Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
		admin.createTopics(List.of(new NewTopic(INPUT, 3, (short) 3).configs(durable),
				new NewTopic(OUTPUT, 3, (short) 3).configs(durable)))
			.all()
			.get(60, TimeUnit.SECONDS);
		// Created is not yet known to every broker: the one asked next may still answer
		// "unknown topic" until the controller's metadata reaches it.
		await().atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(List.of(INPUT, OUTPUT))
				.allSatisfy((topic) -> assertThat(partitions(topic)).hasSize(3)
					.allSatisfy((partition) -> assertThat(partition.isr()).hasSize(3))));
	}

	@AfterAll
	static void stopCluster() {
		admin.close();
		cluster.close();
	}

	@Test
	void losesAndDoublesNothingWhenBrokerDiesMidStream() throws Exception {
		assertThat(partitions(INPUT)).allSatisfy((partition) -> assertThat(partition.isr()).hasSize(3));
		AtomicInteger processed = new AtomicInteger();
		ConcurrentMessageListenerContainer<String, String> copier = copier(processed);
		int victim = partitions(OUTPUT).get(0).leader().id();
		List<ConsumerRecord<String, String>> output;
		copier.start();
		try (KafkaProducer<String, String> producer = producer()) {
			AtomicInteger sent = new AtomicInteger();
			CompletableFuture<List<Future<RecordMetadata>>> sending = CompletableFuture
				.supplyAsync(() -> send(producer, sent, processed));
			await().atMost(Duration.ofSeconds(60)).until(() -> sent.get() >= KILL_AFTER && processed.get() > 0);
			logger.info("Stopping broker {} after {} records sent, {} processed", victim, sent.get(), processed.get());
			cluster.stop(victim);
			for (Future<RecordMetadata> ack : sending.get(120, TimeUnit.SECONDS)) {
				// Every send is acknowledged by two replicas at least; none failed.
				ack.get(120, TimeUnit.SECONDS);
			}
			output = readCommitted(OUTPUT, RECORDS);
		}
		finally {
			copier.stop();
		}

		assertThat(cluster.isRunning(victim)).isFalse();
		assertThat(partitions(OUTPUT))
			.allSatisfy((partition) -> assertThat(partition.isr()).hasSize(2).noneMatch((node) -> node.id() == victim));
		assertThat(readCommitted(INPUT, RECORDS)).hasSize(RECORDS);
		assertThat(output).hasSize(RECORDS);
		assertThat(keys(output)).hasSize(RECORDS);
		assertThat(output)
			.allSatisfy((record) -> assertThat(record.value()).isEqualTo(record.key().toUpperCase(Locale.ROOT)));
	}

	/**
	 * Sends every record, a few hundred at a time and never far ahead of the copier, so
	 * the crash falls in the middle of both.
	 */
	private static List<Future<RecordMetadata>> send(KafkaProducer<String, String> producer, AtomicInteger sent,
			AtomicInteger processed) {
		List<Future<RecordMetadata>> acks = new ArrayList<>(RECORDS);
		for (int i = 0; i < RECORDS; i++) {
			String key = "article-" + i;
			acks.add(producer.send(new ProducerRecord<>(INPUT, key, key)));
			if (sent.incrementAndGet() % 250 == 0) {
				producer.flush();
				await().atMost(Duration.ofSeconds(120)).until(() -> processed.get() >= sent.get() - 750);
			}
		}
		producer.flush();
		return acks;
	}

	/**
	 * The read-process-write loop: each polled batch of input records, its output and the
	 * consumer's offsets commit in one transaction; a failed one is aborted and the batch
	 * read again.
	 */
	private static ConcurrentMessageListenerContainer<String, String> copier(AtomicInteger processed) {
		Map<String, Object> producerConfig = new HashMap<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
						"all", ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000));
		DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(producerConfig,
				new StringSerializer(), new StringSerializer());
		producers.setTransactionIdPrefix("failover-" + UUID.randomUUID() + "-");
		KafkaTemplate<String, String> template = new KafkaTemplate<>(producers);
		Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "failover-copier", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
		ContainerProperties properties = new ContainerProperties(INPUT);
		properties.setKafkaAwareTransactionManager(new KafkaTransactionManager<>(producers));
		properties.setMessageListener((BatchMessageListener<String, String>) (records) -> {
			records.forEach((record) -> template.send(OUTPUT, record.key(), record.value().toUpperCase(Locale.ROOT)));
			processed.addAndGet(records.size());
		});
		ConcurrentMessageListenerContainer<String, String> container = new ConcurrentMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(consumerConfig, new StringDeserializer(), new StringDeserializer()),
				properties);
		container.setConcurrency(2);
		return container;
	}

	private static KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
						"all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5),
				new StringSerializer(), new StringSerializer());
	}

	/**
	 * Reads a whole topic {@code read_committed} until it holds the expected records, and
	 * once more after that, so records beyond them would show.
	 */
	private static List<ConsumerRecord<String, String>> readCommitted(String topic, int expected) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer()) {
			List<TopicPartition> partitions = partitions(topic).stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			await().atMost(Duration.ofSeconds(90)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.size() >= expected;
			});
			consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
		}
		return records;
	}

	private static KafkaConsumer<String, String> consumer() {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new StringDeserializer());
	}

	private static List<TopicPartitionInfo> partitions(String topic) {
		try {
			TopicDescription description = admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(topic);
			return description.partitions();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not describe " + topic, ex);
		}
	}

	private static Set<String> keys(List<ConsumerRecord<String, String>> records) {
		Set<String> keys = new HashSet<>();
		records.forEach((record) -> keys.add(record.key()));
		return keys;
	}

}
