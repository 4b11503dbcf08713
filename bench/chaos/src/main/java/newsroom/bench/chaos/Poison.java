package newsroom.bench.chaos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import newsroom.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Poison records: on the raw and on the enriched topic, one value that is not JSON at all
 * (a stray binary write: the start of a PNG file) and one that is JSON but not an article
 * (a producer writing to the wrong topic). Each has a key no article has, so the audit
 * recognises it on the dead-letter topic, where it must arrive exactly once.
 */
final class Poison {

	/** Every poison key starts with this. */
	static final String KEY_PREFIX = "chaos-poison-";

	/** The first bytes of a PNG file: binary, and not even UTF-8. */
	private static final byte[] NOT_JSON = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d };

	private static final byte[] NOT_AN_ARTICLE = "{\"chaos\":\"poison\",\"note\":\"valid JSON, not an article\"}"
		.getBytes(StandardCharsets.UTF_8);

	private Poison() {
	}

	/**
	 * Write the poison records and wait until the broker has them.
	 * @param bootstrapServers the broker
	 * @param runTag makes the keys unique to this run
	 * @return for each dead-letter topic, the keys that must arrive there
	 */
	static Map<String, List<String>> inject(String bootstrapServers, String runTag) {
		Map<String, List<String>> expected = new LinkedHashMap<>();
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			List<Future<RecordMetadata>> sends = new ArrayList<>();
			for (String topic : List.of(Topics.RAW, Topics.ENRICHED)) {
				String stage = topic.equals(Topics.RAW) ? "raw" : "enriched";
				String notJson = KEY_PREFIX + runTag + "-" + stage + "-not-json";
				String notAnArticle = KEY_PREFIX + runTag + "-" + stage + "-not-an-article";
				sends.add(producer.send(new ProducerRecord<>(topic, notJson, NOT_JSON)));
				sends.add(producer.send(new ProducerRecord<>(topic, notAnArticle, NOT_AN_ARTICLE)));
				expected.put(Topics.deadLetter(topic), List.of(notJson, notAnArticle));
			}
			for (Future<RecordMetadata> send : sends) {
				send.get(90, TimeUnit.SECONDS);
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not write the poison records: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing the poison records", ex);
		}
		return expected;
	}

	/**
	 * Whether a record key is one of the poison keys.
	 * @param key a record key, maybe {@code null}
	 * @return {@code true} for poison
	 */
	static boolean isPoison(String key) {
		return key != null && key.startsWith(KEY_PREFIX);
	}

}
