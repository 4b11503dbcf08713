package newsroom.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsroom.bench.pipeline.load.Pause;
import newsroom.bench.pipeline.stack.ProcessTable;

/**
 * One service's memory once a second: its resident set from {@code /proc} and its heap in
 * use from its own {@code /actuator/prometheus} ({@code jvm_memory_used_bytes} of the
 * heap areas), so that a phase can say whether memory stayed bounded.
 */
final class MemoryTrace implements AutoCloseable {

	/** Generous: under load the scrape waits behind the requests in Tomcat's queue. */
	private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration HEAP_FRESH = Duration.ofSeconds(15);

	private static final Duration JCMD_TIMEOUT = Duration.ofMinutes(1);

	/**
	 * {@code GC.heap_info}'s first line: "garbage-first heap total 262144K, used 45678K".
	 */
	private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

	private final long pid;

	private final URI prometheus;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	/** One thread reads the resident set on the second, the other asks for the heap. */
	private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "memory-trace");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Memory.Sample> samples = new ArrayList<>();

	private long start;

	private volatile double heapMb = -1;

	private volatile long heapAt;

	private MemoryTrace(long pid, URI service) {
		this.pid = pid;
		this.prometheus = service.resolve("/actuator/prometheus");
	}

	/**
	 * Resident memory of an idle process: the mean of one sample a second.
	 * @param pid the process
	 * @param duration how long to sample
	 * @return megabytes
	 */
	static double rest(long pid, Duration duration) {
		double sum = 0;
		long count = Math.max(1, duration.toSeconds());
		for (long i = 0; i < count; i++) {
			sum += ProcessTable.residentMegabytes(pid);
			Pause.sleep(Duration.ofSeconds(1));
		}
		return sum / count;
	}

	/**
	 * The heap a process keeps alive: its heap in use right after a full collection,
	 * asked for with {@code jcmd} (the JDK's own tool, attaching as the same user).
	 * @param pid the process
	 * @return megabytes, or -1 when {@code jcmd} could not say
	 */
	static double liveHeap(long pid) {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		if (!Files.isExecutable(jcmd) || jcmd(jcmd, pid, "GC.run").isEmpty()) {
			return -1;
		}
		Matcher used = HEAP_USED.matcher(jcmd(jcmd, pid, "GC.heap_info").orElse(""));
		return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : -1;
	}

	private static Optional<String> jcmd(Path jcmd, long pid, String command) {
		try {
			Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return (process.waitFor(JCMD_TIMEOUT.toSeconds(), TimeUnit.SECONDS) && process.exitValue() == 0)
					? Optional.of(output) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/**
	 * Start sampling.
	 * @param pid the service's JVM
	 * @param service its base address, for the heap figure
	 * @return the running trace; close it to stop
	 */
	static MemoryTrace start(long pid, URI service) {
		MemoryTrace trace = new MemoryTrace(pid, service);
		trace.start = System.nanoTime();
		trace.timer.scheduleAtFixedRate(trace::sample, 0, 1, TimeUnit.SECONDS);
		// With a fixed delay a slow scrape under load delays the next one rather than
		// piling requests onto the service; a sample takes the heap if it is recent.
		trace.timer.scheduleWithFixedDelay(trace::scrape, 0, 1, TimeUnit.SECONDS);
		return trace;
	}

	/**
	 * The samples so far.
	 * @return in order of time
	 */
	synchronized List<Memory.Sample> samples() {
		return List.copyOf(this.samples);
	}

	private void sample() {
		long now = System.nanoTime();
		double rss = ProcessTable.residentMegabytes(this.pid);
		double heap = (now - this.heapAt < HEAP_FRESH.toNanos()) ? this.heapMb : -1;
		synchronized (this) {
			this.samples.add(new Memory.Sample((now - this.start) / 1e9, rss, heap));
		}
	}

	private void scrape() {
		double heap = heapMegabytes();
		if (heap >= 0) {
			this.heapMb = heap;
			this.heapAt = System.nanoTime();
		}
	}

	/** The heap in use, or -1 when the service did not say in time. */
	private double heapMegabytes() {
		try {
			HttpResponse<String> response = this.client.send(
					HttpRequest.newBuilder(this.prometheus).timeout(SCRAPE_TIMEOUT).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? heapUsed(response.body()) / (1024.0 * 1024.0) : -1;
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/**
	 * The sum of {@code jvm_memory_used_bytes} over the heap areas of a Prometheus
	 * scrape.
	 * @param scrape the text exposition format
	 * @return bytes, or -1 when the scrape has none
	 */
	static double heapUsed(String scrape) {
		double sum = -1;
		for (String line : scrape.split("\n")) {
			if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
				sum = Math.max(sum, 0) + Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return sum;
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
