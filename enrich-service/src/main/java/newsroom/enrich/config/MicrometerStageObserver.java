package newsroom.enrich.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import newsroom.enrich.analysis.StageObserver;
import newsroom.enrich.pipeline.EnrichMetrics;

/**
 * Records each analysis stage's duration on the {@code newsroom.enrich.stage} timer.
 */
final class MicrometerStageObserver implements StageObserver {

	private final EnrichMetrics metrics;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	MicrometerStageObserver(EnrichMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void stageCompleted(String stage, long nanos) {
		this.timers.computeIfAbsent(stage, this.metrics::stageTimer).record(nanos, TimeUnit.NANOSECONDS);
	}

}
