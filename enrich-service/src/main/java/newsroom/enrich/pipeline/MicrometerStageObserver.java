package newsroom.enrich.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import newsroom.enrich.analysis.StageObserver;

/**
 * Records each analysis stage's duration on the {@code newsroom.enrich.stage} timer.
 */
public final class MicrometerStageObserver implements StageObserver {

	private final EnrichMetrics metrics;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	/**
	 * Create the observer.
	 * @param metrics where the timers live
	 */
	public MicrometerStageObserver(EnrichMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void stageCompleted(String stage, long nanos) {
		this.timers.computeIfAbsent(stage, this.metrics::stageTimer).record(nanos, TimeUnit.NANOSECONDS);
	}

}
