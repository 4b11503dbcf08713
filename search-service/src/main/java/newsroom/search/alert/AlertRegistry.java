package newsroom.search.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import newsroom.search.config.SearchProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * Every alert, durable and shared by every instance: the alerts live in a compacted topic
 * (key alert id, tombstone on delete) that each instance reads whole at start-up and then
 * follows, so all instances know all alerts. A write is answered once this instance has
 * read it back from the topic, so a client reads its own writes. Matching asks
 * {@link #awaitCurrent} first, so that no article is matched against an outdated set.
 */
@Component
class AlertRegistry implements SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(AlertRegistry.class);

	private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

	private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

	private final SearchProperties.Alerts settings;

	private final Duration startupTimeout;

	private final Map<String, Object> consumerConfig;

	private final KafkaProducer<String, byte[]> producer;

	/** Asks for the alert topic's end offsets from any thread. */
	private final Admin admin;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<String, CompiledAlert> alerts = new ConcurrentHashMap<>();

	/** Offsets read so far, per partition of the alert topic. */
	private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

	private final Object progress = new Object();

	private volatile Percolator percolator = Percolator.EMPTY;

	private volatile List<TopicPartition> partitions = List.of();

	private volatile KafkaConsumer<String, byte[]> follower;

	private volatile Thread thread;

	private volatile boolean running;

	AlertRegistry(ConsumerFactory<?, ?> consumers, ProducerFactory<?, ?> producers, KafkaAdmin kafkaAdmin,
			JsonMapper json, SearchProperties properties, Clock clock) {
		this.settings = properties.alerts();
		this.startupTimeout = properties.index().startupTimeout();
		this.json = json;
		this.clock = clock;
		Map<String, Object> consumerConfig = new HashMap<>(consumers.getConfigurationProperties());
		// Every instance reads every partition itself: no group, nothing committed.
		consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
		consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		// Alerts are few and small, and a write is answered once it is read back: fetch
		// what is there at once. The indexer's fetch size (1 MB) would hold every write
		// for the whole fetch wait.
		consumerConfig.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
		this.consumerConfig = Map.copyOf(consumerConfig);
		this.producer = new KafkaProducer<>(producers.getConfigurationProperties(), new StringSerializer(),
				new ByteArraySerializer());
		this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
	}

	/**
	 * Save a new alert.
	 * @param request the validated request
	 * @return the alert, readable on this instance from now on
	 */
	Alert create(AlertRequest request) {
		if (this.alerts.size() >= this.settings.maxAlerts()) {
			throw new TooManyAlertsException(this.settings.maxAlerts());
		}
		Alert alert = request.toAlert(UUID.randomUUID().toString(), this.clock.instant());
		write(alert.id(), this.json.writeValueAsBytes(alert));
		return alert;
	}

	/**
	 * Delete an alert: a tombstone, so compaction forgets it too.
	 * @param id the alert id
	 * @return whether there was such an alert
	 */
	boolean delete(String id) {
		if (!this.alerts.containsKey(id)) {
			return false;
		}
		write(id, null);
		return true;
	}

	Optional<Alert> find(String id) {
		return Optional.ofNullable(this.alerts.get(id)).map(CompiledAlert::alert);
	}

	List<Alert> all() {
		return this.alerts.values()
			.stream()
			.map(CompiledAlert::alert)
			.sorted(Comparator.comparing(Alert::createdAt).thenComparing(Alert::id))
			.toList();
	}

	Percolator percolator() {
		return this.percolator;
	}

	/**
	 * Wait until this instance has read the alert topic up to its end as it is now, so
	 * that an alert saved on any instance before an article arrived is known when that
	 * article is matched. One offsets request to the broker when nothing is new.
	 * @throws AlertsUnavailableException when that takes longer than the catch-up timeout
	 */
	void awaitCurrent() {
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		this.partitions.forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
		Map<TopicPartition, Long> end = new HashMap<>();
		try {
			this.admin.listOffsets(latest)
				.all()
				.get(this.settings.catchUpTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.forEach((partition, info) -> end.put(partition, info.offset()));
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AlertsUnavailableException("No end offsets for " + this.settings.topic(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AlertsUnavailableException("Interrupted while asking for alert offsets", ex);
		}
		awaitPositions(end, this.settings.catchUpTimeout());
	}

	private void write(String id, byte[] value) {
		try {
			RecordMetadata written = this.producer.send(new ProducerRecord<>(this.settings.topic(), id, value))
				.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			awaitPositions(Map.of(new TopicPartition(written.topic(), written.partition()), written.offset() + 1),
					WRITE_TIMEOUT);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AlertsUnavailableException("Kafka did not take the alert " + id, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AlertsUnavailableException("Interrupted while saving alert " + id, ex);
		}
	}

	private void awaitPositions(Map<TopicPartition, Long> end, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		synchronized (this.progress) {
			while (!reached(end)) {
				long left = Duration.between(Instant.now(), deadline).toMillis();
				if (left <= 0) {
					throw new AlertsUnavailableException(
							"Alerts not read up to " + end + " within " + timeout + " (read " + this.positions + ")",
							null);
				}
				try {
					this.progress.wait(left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AlertsUnavailableException("Interrupted while reading alerts", ex);
				}
			}
		}
	}

	private boolean reached(Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((e) -> this.positions.getOrDefault(e.getKey(), -1L) >= e.getValue());
	}

	@Override
	public void start() {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(this.consumerConfig, new StringDeserializer(),
				new ByteArrayDeserializer());
		List<TopicPartition> assigned = consumer.partitionsFor(this.settings.topic())
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		consumer.assign(assigned);
		consumer.seekToBeginning(assigned);
		Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
		this.partitions = assigned;
		this.follower = consumer;
		this.running = true;
		this.thread = new Thread(this::follow, "alert-registry");
		this.thread.setDaemon(true);
		this.thread.start();
		awaitPositions(end, this.startupTimeout);
		logger.info("Read {} alerts from {}", this.alerts.size(), this.settings.topic());
	}

	private void follow() {
		KafkaConsumer<String, byte[]> consumer = this.follower;
		try (consumer) {
			while (this.running) {
				boolean changed = false;
				for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL_TIMEOUT)) {
					changed |= apply(record);
				}
				if (changed) {
					this.percolator = Percolator.of(this.alerts.values()
						.stream()
						.sorted(Comparator.comparing((CompiledAlert c) -> c.alert().createdAt())
							.thenComparing((c) -> c.alert().id()))
						.toList());
				}
				for (TopicPartition partition : this.partitions) {
					this.positions.put(partition, consumer.position(partition));
				}
				synchronized (this.progress) {
					this.progress.notifyAll();
				}
			}
		}
		catch (WakeupException ex) {
			// stop() asked: leave the loop.
		}
		catch (RuntimeException ex) {
			logger.error("Stopped following the alert topic {}", this.settings.topic(), ex);
		}
	}

	private boolean apply(ConsumerRecord<String, byte[]> record) {
		if (record.key() == null) {
			return false;
		}
		if (record.value() == null) {
			return this.alerts.remove(record.key()) != null;
		}
		try {
			Alert alert = this.json.readValue(record.value(), Alert.class);
			this.alerts.put(alert.id(), CompiledAlert.of(alert));
			return true;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			logger.warn("Unreadable alert {} at {}-{}@{} skipped: {}", record.key(), record.topic(), record.partition(),
					record.offset(), ex.getMessage());
			return false;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> consumer = this.follower;
		if (consumer != null) {
			consumer.wakeup();
		}
		Thread follower = this.thread;
		if (follower != null) {
			try {
				follower.join(Duration.ofSeconds(10).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void destroy() {
		this.producer.close(Duration.ofSeconds(5));
		this.admin.close(Duration.ofSeconds(5));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Before the listener containers (which start last), so matching finds the alerts
	 * read.
	 */
	@Override
	public int getPhase() {
		return 0;
	}

}
