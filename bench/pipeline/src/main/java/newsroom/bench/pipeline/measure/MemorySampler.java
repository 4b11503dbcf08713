package newsroom.bench.pipeline.measure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import newsroom.bench.pipeline.load.Pause;
import newsroom.bench.pipeline.stack.ProcessTable;

/**
 * Samples every process's resident memory once a second for the whole run and keeps the
 * peak of each, with the phase in which it happened; "at rest" is the mean of a few
 * samples taken while the pipeline is up and idle.
 */
public final class MemorySampler implements AutoCloseable {

	private final ProcessTable processes;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "memory-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, Peak> peaks = new LinkedHashMap<>();

	private volatile String phase = "start";

	private MemorySampler(ProcessTable processes) {
		this.processes = processes;
	}

	/**
	 * Start sampling.
	 * @param processes the processes to watch
	 * @return the running sampler
	 */
	public static MemorySampler start(ProcessTable processes) {
		MemorySampler sampler = new MemorySampler(processes);
		sampler.timer.scheduleAtFixedRate(sampler::sample, 0, 1, TimeUnit.SECONDS);
		return sampler;
	}

	/**
	 * Name the phase that the following samples belong to.
	 * @param name the phase
	 */
	public void phase(String name) {
		this.phase = name;
	}

	/**
	 * Resident memory at rest: the mean of one sample a second.
	 * @param duration how long to sample
	 * @return megabytes by process
	 */
	public Map<String, Double> rest(Duration duration) {
		Map<String, Double> sums = new LinkedHashMap<>();
		long samples = Math.max(1, duration.toSeconds());
		for (long i = 0; i < samples; i++) {
			this.processes.residentMegabytes().forEach((name, mb) -> sums.merge(name, mb, Double::sum));
			Pause.sleep(Duration.ofSeconds(1));
		}
		sums.replaceAll((name, sum) -> sum / samples);
		return sums;
	}

	/**
	 * The highest sample of each process so far.
	 * @return process name to peak
	 */
	public synchronized Map<String, Peak> peaks() {
		return new LinkedHashMap<>(this.peaks);
	}

	private synchronized void sample() {
		this.processes.residentMegabytes().forEach((name, mb) -> {
			Peak peak = this.peaks.get(name);
			if (peak == null || mb > peak.megabytes()) {
				this.peaks.put(name, new Peak(mb, this.phase));
			}
		});
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

	/**
	 * The highest resident memory seen for a process.
	 *
	 * @param megabytes the peak, MB
	 * @param phase the phase during which it was sampled
	 */
	public record Peak(double megabytes, String phase) {
	}

}
