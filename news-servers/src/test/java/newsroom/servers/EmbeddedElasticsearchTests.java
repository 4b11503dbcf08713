package newsroom.servers;

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
		// cat idles on its open standard input; the name is an argument, so it shows in
		// the
		// command line the way Elasticsearch's main class shows in a real node's.
		Process process = new ProcessBuilder(List.of("cat", "-", name)).start();
		// Until the JDK's spawn helper has exec'd cat, the command line is someone
		// else's.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> process.info().commandLine().map((line) -> line.contains(name)).orElse(false));
		return process;
	}

}
