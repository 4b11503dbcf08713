package newsroom.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clean-up after a JVM that died without stopping its node, shown with stand-in
 * processes.
 */
class EmbeddedElasticsearchTests {

	@TempDir
	Path workDir;

	@Test
	void stopsStaleNodeNamedInPidFile() throws IOException {
		Process stale = standIn("elasticsearch-stand-in");
		Files.writeString(this.workDir.resolve("elasticsearch.pid"), String.valueOf(stale.pid()));

		EmbeddedElasticsearch.stopStaleNode(this.workDir);

		await().atMost(Duration.ofSeconds(30)).until(() -> !stale.isAlive());
		assertThat(this.workDir.resolve("elasticsearch.pid")).doesNotExist();
	}

	@Test
	void leavesUnrelatedProcessAlone() throws IOException {
		Process unrelated = standIn("unrelated-stand-in");
		try {
			Files.writeString(this.workDir.resolve("elasticsearch.pid"), String.valueOf(unrelated.pid()));

			EmbeddedElasticsearch.stopStaleNode(this.workDir);

			assertThat(unrelated.isAlive()).isTrue();
		}
		finally {
			unrelated.destroyForcibly();
		}
	}

	private static Process standIn(String name) throws IOException {
		// exec -a names the process, so its command line looks like the one we look for.
		return new ProcessBuilder(List.of("bash", "-c", "exec -a " + name + " sleep 300")).start();
	}

}
