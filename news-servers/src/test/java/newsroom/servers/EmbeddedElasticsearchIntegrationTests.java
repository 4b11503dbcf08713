package newsroom.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link EmbeddedElasticsearch} on a work folder of its own: a real node from the
 * integ-test distribution, stopped and started in place.
 */
class EmbeddedElasticsearchIntegrationTests {

	@TempDir
	static Path workDir;

	static EmbeddedElasticsearch node;

	@BeforeAll
	static void startNode() {
		node = EmbeddedElasticsearch.start(workDir, 0);
	}

	@AfterAll
	static void stopNode() {
		node.close();
	}

	@Test
	void answersClusterHealth() {
		assertThat(ServerChecks.clusterHealth(node.uri())).contains("\"cluster_name\":\"newsroom\"")
			.containsPattern("\"status\":\"(green|yellow)\"");
	}

	@Test
	void indexesAndSearchesDocument() {
		ServerChecks.index(node.uri(), "articles", "a-1", "{\"title\":\"Troops cross the border\"}");

		String hits = ServerChecks.search(node.uri(), "articles", "{\"query\":{\"match\":{\"title\":\"border\"}}}");

		assertThat(hits).contains("\"_id\":\"a-1\"").contains("Troops cross the border");
	}

	@Test
	void keepsDocumentsAcrossStopAndStartOnSamePort() {
		ServerChecks.index(node.uri(), "survivors", "s-1", "{\"title\":\"Still here\"}");
		String uriBefore = node.uri();

		node.stop();
		assertThat(node.isRunning()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> ServerChecks.clusterHealth(uriBefore));
		node.start();

		assertThat(node.uri()).isEqualTo(uriBefore);
		assertThat(ServerChecks.search(node.uri(), "survivors", "{\"query\":{\"match\":{\"title\":\"still\"}}}"))
			.contains("\"_id\":\"s-1\"");
	}

	@Test
	void runsNodeAsUnprivilegedUserWhenJvmIsRoot() throws IOException {
		assumeTrue(Processes.runningAsRoot(), "the JVM is not root");

		List<String> status = Files.readAllLines(Path.of("/proc", String.valueOf(node.pid()), "status"));

		String uids = status.stream().filter((line) -> line.startsWith("Uid:")).findFirst().orElseThrow();
		assertThat(uids.split("\\s+")).hasSize(5).allSatisfy((field) -> assertThat(field).isNotEqualTo("0"));
	}

	@Test
	void failsFastWithConsoleLogWhenNodeExits(@TempDir Path brokenWorkDir) {
		assertThatIllegalStateException()
			.isThrownBy(() -> EmbeddedElasticsearch.start(brokenWorkDir, 0, Map.of("newsroom.no.such.setting", "x")))
			.withMessageContaining("exited with code")
			.withMessageContaining("newsroom.no.such.setting");
	}

	@Test
	void refusesToStartOnPortInUse(@TempDir Path otherWorkDir) {
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedElasticsearch.start(otherWorkDir, node.httpPort()))
			.withMessageContaining("in use");
	}

}
