package newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose file is checked here because no Docker engine runs in CI: each test also
 * shows that the check catches the mistake it is about.
 */
class DockerComposeTests {

	private final ComposeCheck check = new ComposeCheck(Samples.repoRoot());

	@Test
	void composeFileIsSound() {
		assertThat(this.check.problems(compose())).isEmpty();
	}

	@Test
	void listsEveryComposeVariableInEnvExample() throws IOException {
		assertThat(this.check.envFileProblems(composeText())).isEmpty();
	}

	@Test
	void findsVariableMissingFromEnvExample() throws IOException {
		String compose = composeText().replace("${ELASTICSEARCH_HOST_PORT:-9200}", "${ES_PORT_TYPO:-9200}");

		assertThat(this.check.envFileProblems(compose))
			.containsExactly("docker-compose.yml reads ES_PORT_TYPO, which .env.example does not list");
	}

	@Test
	void findsPasswordInComposeFileAndElasticsearchWithoutSecurity() {
		Map<String, Object> compose = compose();
		environment(compose, "search-service").put("ELASTICSEARCH_PASSWORD", "secret");
		environment(compose, "elasticsearch").put("xpack.security.enabled", "false");

		assertThat(this.check.problems(compose)).containsExactlyInAnyOrder(
				"search-service sets ELASTICSEARCH_PASSWORD in the compose file; take it from .env",
				"elasticsearch runs Elasticsearch without xpack.security.enabled=true");
	}

	@Test
	void findsServiceWithoutHealthCheck() {
		Map<String, Object> compose = compose();
		service(compose, "search-service").remove("healthcheck");

		assertThat(this.check.problems(compose)).containsExactly("search-service has no health check");
	}

	@Test
	void findsDependencyThatDoesNotWaitForHealth() {
		Map<String, Object> compose = compose();
		service(compose, "ingest-service").put("depends_on", List.of("kafka"));

		assertThat(this.check.problems(compose)).anyMatch((problem) -> problem.startsWith("ingest-service depends_on"));
	}

	@Test
	void findsMissingDockerfileAndUnpinnedImage() {
		Map<String, Object> compose = compose();
		service(compose, "enrich-service").put("build",
				Map.of("context", ".", "dockerfile", "enrich-service/Dockerfile.gone"));
		service(compose, "kafka").put("image", "apache/kafka:latest");

		assertThat(this.check.problems(compose)).hasSize(2)
			.anyMatch((problem) -> problem.contains("Dockerfile.gone"))
			.anyMatch((problem) -> problem.contains("apache/kafka:latest"));
	}

	@Test
	void findsSettingNoServiceReadsAndAddressMissingInContainer() {
		Map<String, Object> compose = compose();
		Map<String, Object> environment = environment(compose, "search-service");
		environment.put("NEWSROOM_SEARCH_TOPIC_PARTITIONS", "3");
		environment.remove("ELASTICSEARCH_URIS");

		assertThat(this.check.problems(compose)).containsExactlyInAnyOrder(
				"search-service sets NEWSROOM_SEARCH_TOPIC_PARTITIONS, which the service does not read",
				"search-service needs ELASTICSEARCH_URIS (its default 'http://127.0.0.1:9200' only works outside a container)");
	}

	@Test
	void findsPortThatDisagreesWithReadme() {
		Map<String, Object> compose = compose();
		service(compose, "ingest-service").put("ports", List.of("127.0.0.1:9081:9081"));
		environment(compose, "ingest-service").put("SERVER_PORT", 9081);

		assertThat(this.check.problems(compose)).containsExactlyInAnyOrder(
				"ingest-service does not publish port 8081 that the README gives",
				"ingest-service listens on 9081 but the README gives 8081");
	}

	private static String composeText() throws IOException {
		return Files.readString(Samples.repoRoot().resolve("docker-compose.yml"));
	}

	private static Map<String, Object> compose() {
		return ComposeCheck.load(Samples.repoRoot().resolve("docker-compose.yml"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> service(Map<String, Object> compose, String name) {
		return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(Map<String, Object> compose, String name) {
		return (Map<String, Object>) service(compose, name).get("environment");
	}

}
