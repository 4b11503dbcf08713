package newsroom.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
