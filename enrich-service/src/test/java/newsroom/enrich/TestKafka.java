package newsroom.enrich;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import newsroom.events.CloudEventHeaders;
import newsroom.events.Origin;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import newsroom.testkit.CommittedRecords;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * Plain Kafka clients on the test JVM's broker: a producer for raw records and a
 * {@code read_committed} reader of whole topics.
 */
public final class TestKafka {

	private TestKafka() {
	}

	/**
	 * Send records with one producer, all before waiting for any, so that records sent
	 * together tend to reach a consumer in one poll.
	 * @param records the records, in order
	 */
	@SafeVarargs
	public static void send(ProducerRecord<String, byte[]>... records) {
		send(openBroker(), records);
	}

	/**
	 * Sends records to any broker, as {@link #send(ProducerRecord...)} does.
	 * @param broker the broker's address and any security settings, by their Kafka names
	 * @param records the records, in order
	 */
	@SafeVarargs
	public static void send(Map<String, Object> broker, ProducerRecord<String, byte[]>... records) {
		Map<String, Object> config = new HashMap<>(broker);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RECORD_BYTES);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			List<Future<RecordMetadata>> sends = new ArrayList<>();
			for (ProducerRecord<String, byte[]> record : records) {
				sends.add(producer.send(record));
			}
			for (Future<RecordMetadata> send : sends) {
				send.get(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not send to " + records[0].topic(), ex);
		}
	}

	/**
	 * Read a topic from the beginning, as a downstream subscriber would (committed
	 * transactions only), until the records read so far satisfy a condition.
	 * @param topic the topic
	 * @param done condition on all records read so far
	 * @return all records read
	 */
	public static List<ConsumerRecord<String, byte[]>> readUntil(String topic,
			Predicate<List<ConsumerRecord<String, byte[]>>> done) {
		return readUntil(openBroker(), topic, done);
	}

	/**
	 * Reads a topic of any broker as {@link #readUntil(String, Predicate)} does.
	 * @param broker the broker's address and any security settings, by their Kafka names
	 * @param topic the topic
	 * @param done condition on all records read so far
	 * @return all records read
	 */
	public static List<ConsumerRecord<String, byte[]>> readUntil(Map<String, Object> broker, String topic,
			Predicate<List<ConsumerRecord<String, byte[]>>> done) {
		Map<String, Object> config = new HashMap<>(broker);
		config.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			await().atMost(Duration.ofSeconds(60)).until(() -> !consumer.partitionsFor(topic).isEmpty());
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return done.test(records);
			});
		}
		return records;
	}

	/**
	 * Everything committed on a topic up to its current end, read from the beginning: a
	 * record written twice shows twice.
	 * @param broker the broker's address and any security settings, by their Kafka names
	 * @param topic the topic
	 * @param keys which records to keep, by key
	 * @return the kept records, in partition order
	 */
	public static List<ConsumerRecord<String, byte[]>> readToEnd(Map<String, Object> broker, String topic,
			Predicate<String> keys) {
		return CommittedRecords.readToEnd(broker, topic, keys, new ByteArrayDeserializer());
	}

	/**
	 * The test JVM's open broker, as {@link #readToEnd(Map, String, Predicate)} takes it.
	 * @return its address
	 */
	public static Map<String, Object> openBroker() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NewsroomServers.kafka().bootstrapServers());
	}

	public static Predicate<List<ConsumerRecord<String, byte[]>>> hasKeys(String... keys) {
		return (records) -> List.of(keys)
			.stream()
			.allMatch((key) -> records.stream().anyMatch((r) -> key.equals(r.key())));
	}

	public static List<ConsumerRecord<String, byte[]>> withKey(List<ConsumerRecord<String, byte[]>> records,
			String key) {
		return records.stream().filter((record) -> key.equals(record.key())).toList();
	}

	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * A raw article of the eastside source with a new id, as ingest-service would publish
	 * it.
	 * @param title its title
	 * @param text its text
	 * @return the article
	 */
	public static RawArticle rawArticle(String title, String text) {
		String id = UUID.randomUUID().toString();
		Instant published = Instant.parse("2024-11-01T10:00:00Z");
		return new RawArticle(RawArticle.SCHEMA_VERSION, id, published.toEpochMilli(),
				"https://eastside.example/news/" + id, "https://eastside.example/news/" + id, "eastside", title, text,
				"Chloe Ren", published, published.plusSeconds(60), null, "hash-" + id, Origin.API, null);
	}

	/**
	 * A record for the raw topic with ingest-service's CloudEvents headers.
	 * @param key the article id
	 * @param partition the partition, or {@code null} to let the key choose
	 * @param value the record's bytes
	 * @return the record
	 */
	public static ProducerRecord<String, byte[]> rawRecord(String key, Integer partition, byte[] value) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
		headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		headers.add(CloudEventHeaders.SOURCE, "/newsroom/ingest-service".getBytes(StandardCharsets.UTF_8));
		headers.add(CloudEventHeaders.TYPE, CloudEventHeaders.RAW_TYPE.getBytes(StandardCharsets.UTF_8));
		headers.add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
		headers.add(CloudEventHeaders.CONTENT_TYPE, "application/json".getBytes(StandardCharsets.UTF_8));
		return new ProducerRecord<>(Topics.RAW, partition, key, value, headers);
	}

}
