package newsroom.servers;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link EmbeddedKafka} with a SASL_SSL listener: TLS with a generated certificate and a
 * SCRAM-SHA-512 user; the right password gets in, a wrong one and a client without TLS do
 * not.
 */
class EmbeddedKafkaSecurityIntegrationTests {

	@TempDir
	static Path folder;

	static KafkaSecurity security;

	static EmbeddedKafka broker;

	@BeforeAll
	static void startBroker() {
		security = new KafkaSecurity("newsroom-test", "scram-secret-1",
				TlsCertificate.selfSigned(folder.resolve("tls")));
		broker = EmbeddedKafka.start(folder.resolve("kafka"), 0, Map.of(), security);
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void exchangesRecordsWithScramUserOverTls() {
		assertThat(broker.clientProperties()).containsEntry("security.protocol", "SASL_SSL")
			.containsEntry("sasl.mechanism", "SCRAM-SHA-512");

		ServerChecks.send(broker.bootstrapServers(), broker.clientProperties(), "secured", List.of("one", "two"));

		assertThat(ServerChecks.readValues(broker.bootstrapServers(), broker.clientProperties(), "secured", 2))
			.containsExactly("one", "two");
	}

	@Test
	void refusesWrongPassword() {
		try (Admin admin = admin(security.clientProperties("not-the-password"))) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
				.withCauseInstanceOf(SaslAuthenticationException.class)
				.withMessageContaining("Authentication failed");
		}
	}

	@Test
	void answersNothingToClientWithoutTlsAndSasl() {
		Map<String, Object> plain = Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
		try (Admin admin = admin(plain)) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
				.withCauseInstanceOf(TimeoutException.class);
		}
	}

	private static Admin admin(Map<String, Object> client) {
		Map<String, Object> config = new HashMap<>(client);
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		return Admin.create(config);
	}

}
