package newsroom.enrich.config;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class EnrichPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void bindsDefaults() {
		this.runner.run((context) -> {
			EnrichProperties properties = context.getBean(EnrichProperties.class);
			assertThat(properties.concurrency()).isEqualTo(3);
			assertThat(properties.topics().partitions()).isEqualTo(3);
			// Kafka gives each consumer thread whole partitions: a count that does not
			// divide them leaves one thread more of the work (two threads on three
			// partitions: one enriched two thirds while the other sat idle).
			assertThat(properties.topics().partitions() % properties.concurrency()).isZero();
			assertThat(properties.topics().replicationFactor()).isEqualTo(1);
			assertThat(properties.retry().initialInterval()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.retry().maxElapsedTime()).isEqualTo(Duration.ofMinutes(2));
			assertThat(properties.entities().nameFinderModels()).isNull();
			assertThat(properties.duplicates().maxDistance()).isEqualTo(6);
			assertThat(properties.duplicates().loadTimeout()).isEqualTo(Duration.ofMinutes(2));
		});
	}

	@Test
	void bindsKebabCaseSettings() {
		this.runner.withPropertyValues("newsroom.enrich.concurrency=6", "newsroom.enrich.topics.partitions=6",
				"newsroom.enrich.topics.replication-factor=3", "newsroom.enrich.retry.max-interval=10s",
				"newsroom.enrich.entities.name-finder-models=/opt/models", "newsroom.enrich.duplicates.max-distance=3")
			.run((context) -> {
				EnrichProperties properties = context.getBean(EnrichProperties.class);
				assertThat(properties.concurrency()).isEqualTo(6);
				assertThat(properties.topics().partitions()).isEqualTo(6);
				assertThat(properties.topics().replicationFactor()).isEqualTo(3);
				assertThat(properties.retry().maxInterval()).isEqualTo(Duration.ofSeconds(10));
				assertThat(properties.entities().nameFinderModels()).isEqualTo(Path.of("/opt/models"));
				assertThat(properties.duplicates().maxDistance()).isEqualTo(3);
			});
	}

	@Test
	void refusesToStartWithoutConsumerThreads() {
		this.runner.withPropertyValues("newsroom.enrich.concurrency=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("concurrency"));
	}

	@Test
	void refusesDuplicateDistanceTheIndexCannotServe() {
		this.runner.withPropertyValues("newsroom.enrich.duplicates.max-distance=20")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("maxDistance"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EnrichProperties.class)
	static class PropertiesConfiguration {

	}

}
