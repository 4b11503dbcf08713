package newsroom.ingest.batch;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsroom.ingest.RawTopic;
import newsroom.testkit.NewsroomServers;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance 5: the packaged service ({@code *-exec.jar}) runs as a child JVM with
 * {@code -Xmx256m} against the testkit's broker and takes a 50 MB NDJSON batch, generated
 * while it is sent (chunked, never held by the test either). Runs with failsafe after
 * packaging ({@code ./mvnw -pl ingest-service verify}); the size is
 * {@code -Dnewsroom.batch-test.megabytes} (default 50). Prints the time, the bytes sent
 * and the largest heap left after a garbage collection (from the child's GC log).
 */
class BatchMemoryJarIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(BatchMemoryJarIntegrationTests.class);

	private static final Pattern GC_AFTER = Pattern.compile("->(\\d+)M\\((\\d+)M\\)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void acceptsA50MegabyteNdjsonBatchWith256MegabytesOfHeap() throws Exception {
		long megabytes = Long.getLong("newsroom.batch-test.megabytes", 50);
		Path jar = execJar();
		Path gcLog = Path.of("target", "batch-memory-gc.log").toAbsolutePath();
		Files.deleteIfExists(gcLog);
		int port = freePort();
		String bootstrap = NewsroomServers.kafka().bootstrapServers();
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog, "-jar", jar.toString(),
				"--server.port=" + port, "--spring.kafka.bootstrap-servers=" + bootstrap,
				"--newsroom.ingest.feed.enabled=false", "--logging.level.newsroom=WARN")
			.redirectErrorStream(true)
			.redirectOutput(Path.of("target", "batch-memory-child.log").toFile())
			.start();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String base = "http://127.0.0.1:" + port;
		try {
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
				assertThat(child.isAlive()).as("the ingest JVM is running (see target/batch-memory-child.log)")
					.isTrue();
				try {
					return http
						.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
								HttpResponse.BodyHandlers.discarding())
						.statusCode() == 200;
				}
				catch (IOException ex) {
					return false;
				}
			});
			// The child created the topic; wait until this JVM's broker client sees it.
			await().atMost(Duration.ofMinutes(1)).until(() -> {
				try (RawTopic probe = RawTopic.open()) {
					return !probe.endOffsets().isEmpty();
				}
			});
			runBatch(http, base, child, gcLog, megabytes);
		}
		finally {
			child.destroy();
			if (!child.waitFor(30, TimeUnit.SECONDS)) {
				child.destroyForcibly();
			}
		}
	}

	private void runBatch(HttpClient http, String base, Process child, Path gcLog, long megabytes) throws Exception {
		try (RawTopic topic = RawTopic.open()) {
			Map<TopicPartition, Long> before = topic.endOffsets();
			GeneratedNdjson body = new GeneratedNdjson(UUID.randomUUID().toString(), megabytes * 1024 * 1024, 1000);
			long started = System.nanoTime();

			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/batch"))
					.header("Content-Type", "application/x-ndjson")
					.timeout(Duration.ofMinutes(10))
					.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
					.build(), HttpResponse.BodyHandlers.ofString());

			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode result = JSON.readTree(response.body());
			int good = body.lines() - body.badLines();
			assertThat(body.bytes()).isGreaterThanOrEqualTo(megabytes * 1024 * 1024);
			assertThat(result.path("accepted").asInt()).isEqualTo(good);
			assertThat(result.path("rejectedCount").asInt()).isEqualTo(body.badLines());
			assertThat(result.path("ids").size()).isEqualTo(good);
			Map<TopicPartition, Long> after = topic.endOffsets();
			long published = after.entrySet().stream().mapToLong((e) -> e.getValue() - before.get(e.getKey())).sum();
			assertThat(published).as("records published, from %s to %s", before, after).isEqualTo(good);
			assertThat(child.isAlive()).isTrue();
			long[] heap = heapAfterGc(gcLog);
			String summary = String.format(Locale.ROOT,
					"Batch of %d bytes (%d lines, %d broken) accepted at -Xmx256m in %.1f s (%.1f MB/s, %.0f articles/s); "
							+ "largest heap after a GC %d MB of %d MB committed",
					body.bytes(), body.lines(), body.badLines(), millis / 1000.0,
					body.bytes() / 1048576.0 / (millis / 1000.0), good / (millis / 1000.0), heap[0], heap[1]);
			log.info(summary);
			Files.writeString(Path.of("target", "batch-memory-result.txt"), summary + "\n", StandardCharsets.UTF_8);
		}
	}

	private static long[] heapAfterGc(Path gcLog) throws IOException {
		long max = 0;
		long committed = 0;
		for (String line : Files.readAllLines(gcLog)) {
			Matcher matcher = GC_AFTER.matcher(line);
			if (matcher.find()) {
				max = Math.max(max, Long.parseLong(matcher.group(1)));
				committed = Math.max(committed, Long.parseLong(matcher.group(2)));
			}
		}
		return new long[] { max, committed };
	}

	private static Path execJar() {
		File[] jars = Path.of("target").toFile().listFiles((dir, name) -> name.endsWith("-exec.jar"));
		assertThat(jars).as("the packaged ingest-service-*-exec.jar in target/ (run with failsafe after package)")
			.isNotEmpty();
		return List.of(jars).get(0).toPath().toAbsolutePath();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
