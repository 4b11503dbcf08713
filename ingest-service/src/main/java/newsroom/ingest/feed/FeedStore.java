package newsroom.ingest.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import newsroom.events.CloudEventHeaders;
import newsroom.ingest.config.IngestProperties;
import newsroom.ingest.publish.PublishFailedException;
import newsroom.ingest.publish.RawArticlePublisher;
import newsroom.ingest.publish.TopicReplay;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

/**
 * Writes the feed state to its compacted topics and reads it back at start-up. Every
 * write waits for the broker, so that what the poller considers done survives a crash.
 */
@Component
class FeedStore {

	private static final Logger log = LoggerFactory.getLogger(FeedStore.class);

	private static final String FEED_TYPE = "newsroom.ingest.feed.v1";

	private static final String SEEN_TYPE = "newsroom.ingest.feed-entry.v1";

	private final KafkaOperations<String, byte[]> template;

	private final ConsumerFactory<?, ?> consumerFactory;

	private final JsonMapper json;

	private final Duration timeout;

	private final Duration loadTimeout;

	FeedStore(@Qualifier("feedStateTemplate") KafkaOperations<String, byte[]> template,
			ConsumerFactory<?, ?> consumerFactory, JsonMapper json, IngestProperties properties) {
		this.template = template;
		this.consumerFactory = consumerFactory;
		this.json = json;
		this.timeout = properties.publish().timeout();
		this.loadTimeout = properties.dedup().rebuildTimeout();
	}

	void saveFeed(StoredFeed feed) {
		send(FeedTopics.FEEDS, feed.id(), this.json.writeValueAsBytes(feed), FEED_TYPE);
	}

	void deleteFeed(String feedId, Set<String> seenKeys) {
		List<CompletableFuture<?>> sends = new ArrayList<>();
		for (String key : seenKeys) {
			sends.add(this.template.send(new ProducerRecord<>(FeedTopics.SEEN_ENTRIES, key, null)));
		}
		sends.add(this.template.send(new ProducerRecord<>(FeedTopics.FEEDS, feedId, null)));
		for (CompletableFuture<?> send : sends) {
			await(send, feedId);
		}
	}

	void markSeen(String seenKey, SeenEntry entry) {
		send(FeedTopics.SEEN_ENTRIES, seenKey, this.json.writeValueAsBytes(entry), SEEN_TYPE);
	}

	/**
	 * Reads both topics to their end.
	 * @return the feeds by id, and the seen entry keys by feed id
	 */
	Snapshot load() {
		Map<String, StoredFeed> feeds = new HashMap<>();
		readToEnd(FeedTopics.FEEDS, (key, value) -> {
			if (value == null) {
				feeds.remove(key);
			}
			else {
				read(value, StoredFeed.class, key).ifPresent((feed) -> feeds.put(key, feed));
			}
		});
		Map<String, Set<String>> seen = new HashMap<>();
		readToEnd(FeedTopics.SEEN_ENTRIES, (key, value) -> {
			int bar = key.indexOf('|');
			if (bar < 0) {
				return;
			}
			String feedId = key.substring(0, bar);
			if (value == null) {
				Set<String> keys = seen.get(feedId);
				if (keys != null) {
					keys.remove(key);
				}
			}
			else {
				seen.computeIfAbsent(feedId, (id) -> new HashSet<>()).add(key);
			}
		});
		seen.keySet().retainAll(feeds.keySet());
		log.info("Loaded {} feeds and {} seen entries from {} and {}", feeds.size(),
				seen.values().stream().mapToInt(Set::size).sum(), FeedTopics.FEEDS, FeedTopics.SEEN_ENTRIES);
		return new Snapshot(feeds, seen);
	}

	private <T> Optional<T> read(byte[] value, Class<T> type, String key) {
		try {
			return Optional.of(this.json.readValue(value, type));
		}
		catch (JacksonException ex) {
			log.warn("Skipped an unreadable feed state record {}", key);
			return Optional.empty();
		}
	}

	private void send(String topic, String key, byte[] value, String type) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
		record.headers()
			.add(header(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE))
			.add(header(CloudEventHeaders.ID, UUID.randomUUID().toString()))
			.add(header(CloudEventHeaders.SOURCE, RawArticlePublisher.EVENT_SOURCE))
			.add(header(CloudEventHeaders.TYPE, type))
			.add(header(CloudEventHeaders.TIME, Instant.now().toString()))
			.add(header(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON));
		CompletableFuture<?> send;
		try {
			send = this.template.send(record);
		}
		catch (RuntimeException ex) {
			throw new PublishFailedException(key, "Storing feed state " + key + " failed: " + ex.getMessage(), ex);
		}
		await(send, key);
	}

	private void await(CompletableFuture<?> send, String key) {
		try {
			send.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new PublishFailedException(key, "Storing feed state " + key + " failed: " + ex.getCause(), ex);
		}
		catch (TimeoutException ex) {
			throw new PublishFailedException(key, "The broker did not store feed state " + key + " in time", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PublishFailedException(key, "Interrupted while storing feed state " + key, ex);
		}
	}

	private static RecordHeader header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

	private void readToEnd(String topic, BiConsumer<String, byte[]> handler) {
		new TopicReplay(this.consumerFactory, this.loadTimeout).readToEnd(topic, "ingest-service-feed-state",
				(record) -> {
					if (record.key() != null) {
						handler.accept(record.key(), record.value());
					}
				});
	}

	/**
	 * The feed state as read at start-up.
	 *
	 * @param feeds the feeds by id
	 * @param seen the seen-entry record keys by feed id
	 */
	record Snapshot(Map<String, StoredFeed> feeds, Map<String, Set<String>> seen) {
	}

}
