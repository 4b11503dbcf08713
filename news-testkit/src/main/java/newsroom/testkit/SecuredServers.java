package newsroom.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import newsroom.servers.ElasticsearchSecurity;
import newsroom.servers.EmbeddedElasticsearch;
import newsroom.servers.EmbeddedKafka;
import newsroom.servers.KafkaSecurity;
import newsroom.servers.Processes;
import newsroom.servers.ScratchFolders;
import newsroom.servers.TlsCertificate;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A Kafka broker that takes SASL_SSL (SCRAM-SHA-512) only and an Elasticsearch node with
 * security on (HTTPS, a file-realm user), for the tests of transport security. Each is
 * started once per test JVM on first use, always embedded, with a self-signed certificate
 * and passwords made for the run; the open servers of {@link NewsroomServers} that every
 * other test uses stay as they are.
 */
public final class SecuredServers {

	/** The SCRAM user of the secured broker. */
	public static final String KAFKA_USER = "newsroom";

	/** The Elasticsearch user, with search-service's role and nothing more. */
	public static final String ELASTICSEARCH_USER = "newsroom-search";

	private static final Shared<TlsCertificate> certificate = new Shared<>("TLS certificate",
			SecuredServers::makeCertificate);

	private static final Shared<EmbeddedKafka> kafka = new Shared<>("secured Kafka", SecuredServers::startKafka);

	private static final Shared<EmbeddedElasticsearch> elasticsearch = new Shared<>("secured Elasticsearch",
			SecuredServers::startElasticsearch);

	private SecuredServers() {
	}

	/**
	 * Starts (once) and returns the secured broker.
	 * @return a broker whose {@code clientProperties()} say how to get in
	 */
	public static EmbeddedKafka kafka() {
		return kafka.get();
	}

	/**
	 * Starts (once) and returns the secured node.
	 * @return a node on {@code https://}
	 */
	public static EmbeddedElasticsearch elasticsearch() {
		return elasticsearch.get();
	}

	/**
	 * The broker's user and certificate, starting it first.
	 * @return the SCRAM user
	 */
	public static KafkaSecurity kafkaSecurity() {
		return kafka().security().orElseThrow();
	}

	/**
	 * The node's user and certificate, starting it first.
	 * @return the user
	 */
	public static ElasticsearchSecurity elasticsearchSecurity() {
		return elasticsearch().security().orElseThrow();
	}

	/**
	 * The certificate both servers present: its PEM file is what clients trust.
	 * @return the self-signed certificate of this JVM
	 */
	public static TlsCertificate certificate() {
		return certificate.get();
	}

	/**
	 * Points a service at the secured broker with Spring Boot's own settings, the ones an
	 * operator sets: {@code spring.kafka.security.protocol},
	 * {@code spring.kafka.properties.sasl.*} and {@code spring.kafka.ssl.trust-store-*}.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 */
	public static void registerKafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
		registry.add("spring.kafka.security.protocol", () -> "SASL_SSL");
		registry.add("spring.kafka.properties.sasl.mechanism", () -> KafkaSecurity.MECHANISM);
		registry.add("spring.kafka.properties.sasl.jaas.config",
				() -> KafkaSecurity.jaasConfig(KAFKA_USER, kafkaSecurity().password()));
		registry.add("spring.kafka.ssl.trust-store-location", () -> "file:" + certificate().certificate());
		registry.add("spring.kafka.ssl.trust-store-type", () -> "PEM");
	}

	/**
	 * Points search-service at the secured node with its own settings:
	 * {@code newsroom.elasticsearch.uris}, {@code username}, {@code password} and
	 * {@code ca-certificate}.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 */
	public static void registerElasticsearch(DynamicPropertyRegistry registry) {
		registry.add("newsroom.elasticsearch.uris", () -> elasticsearch().uri());
		registry.add("newsroom.elasticsearch.username", () -> ELASTICSEARCH_USER);
		registry.add("newsroom.elasticsearch.password", () -> elasticsearchSecurity().password());
		registry.add("newsroom.elasticsearch.ca-certificate", () -> certificate().certificate().toString());
	}

	private static TlsCertificate makeCertificate() {
		Path folder = ScratchFolders.create("tls");
		NewsroomServers.onShutdown(() -> Processes.deleteRecursively(folder));
		return TlsCertificate.selfSigned(folder);
	}

	private static EmbeddedKafka startKafka() {
		KafkaSecurity security = new KafkaSecurity(KAFKA_USER, password(), certificate());
		Path logDir = ScratchFolders.create("kafka");
		EmbeddedKafka broker = EmbeddedKafka.start(logDir, 0, Map.of(), security);
		NewsroomServers.onShutdown(() -> {
			broker.close();
			Processes.deleteRecursively(logDir);
		});
		return broker;
	}

	private static EmbeddedElasticsearch startElasticsearch() {
		ElasticsearchSecurity security = new ElasticsearchSecurity(ELASTICSEARCH_USER, password(),
				List.of(ElasticsearchSecurity.SEARCH_SERVICE_ROLE), certificate());
		Path workDir = ScratchFolders.create("elasticsearch");
		NewsroomServers.onShutdown(() -> Processes.deleteRecursively(workDir));
		EmbeddedElasticsearch node = EmbeddedElasticsearch.start(workDir, 0, Map.of(), security);
		// Closing waits for the node's own shutdown hook, so the folder is free to go.
		NewsroomServers.onShutdown(node::close);
		return node;
	}

	/** A password made for this run: no test secret lives in the code. */
	private static String password() {
		return "pw-" + UUID.randomUUID();
	}

}
