package newsroom.ingest.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import newsroom.events.Origin;
import newsroom.events.RawArticle;
import newsroom.ingest.config.IngestProperties;
import newsroom.ingest.config.IngestProperties.DedupSettings;
import newsroom.ingest.config.IngestProperties.PublishSettings;
import newsroom.ingest.config.IngestProperties.TopicSettings;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A real producer aimed at an address where no broker listens: publishing fails with
 * {@link PublishFailedException} (answered 503) within the producer's bounds instead of
 * hanging. Success is covered on the real broker by the integration tests.
 */
class RawArticlePublisherTests {

	@Test
	void failsWithPublishFailedWhenNoBrokerAnswers() {
		DefaultKafkaProducerFactory<String, RawArticle> factory = new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort(),
						ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new JacksonJsonSerializer<RawArticle>().noTypeInfo());
		RawArticlePublisher publisher = new RawArticlePublisher(new KafkaTemplate<>(factory), properties());
		Instant now = Instant.parse("2024-11-01T10:00:00Z");
		RawArticle article = new RawArticle(1, "0123456789abcdef0123456789abcdef", now.toEpochMilli(), null, null,
				"api", "Title", "Text.", null, now, now, null, "hash", Origin.API, null);
		try {
			assertThatExceptionOfType(PublishFailedException.class).isThrownBy(() -> publisher.publish(article))
				.satisfies((ex) -> assertThat(ex.getArticleId()).isEqualTo(article.id()));
		}
		finally {
			factory.destroy();
		}
	}

	private static IngestProperties properties() {
		IngestProperties defaults = IngestProperties.defaults();
		return new IngestProperties(DataSize.ofMegabytes(2), new TopicSettings(3, 1),
				new PublishSettings(Duration.ofSeconds(5)), new DedupSettings(10, Duration.ofMinutes(1)),
				defaults.batch(), defaults.allowedHosts(), defaults.fetch(), defaults.feed(), defaults.feeds());
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
