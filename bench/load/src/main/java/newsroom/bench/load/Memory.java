package newsroom.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A service's memory over a phase, and whether it stayed bounded: its resident set never
 * above {@link #BOUND_MB}, and nothing kept: the heap left alive after a full collection
 * (a leak, a queue, a cache without a bound) at most {@value #RETAINED_MB} MB more after
 * the phase than before it. The resident set itself is no measure of growth within a
 * minute: the JVM commits heap in steps as it sizes its young generation to the load
 * (seen as jumps of 50–130 MB late in a phase while the heap in use stayed flat), and
 * keeps what it committed; its first and last {@value #WINDOW_SECONDS} s are reported for
 * that comparison.
 *
 * @param restMb resident set before the phase, idle (mean of a few seconds)
 * @param peakMb highest resident set during the phase
 * @param endMb resident set at the phase's last sample
 * @param firstWindowMb mean resident set over the phase's first seconds
 * @param lastWindowMb mean resident set over the phase's last seconds
 * @param heapPeakMb highest heap in use (-1 when the service never said)
 * @param heapEndMb heap in use at the last sample that said it
 * @param liveBeforeMb heap alive after a full collection before the phase (-1: unknown)
 * @param liveAfterMb the same after the phase's last answer
 * @param samples the samples, one a second: the curve behind these figures
 */
record Memory(double restMb, double peakMb, double endMb, double firstWindowMb, double lastWindowMb, double heapPeakMb,
		double heapEndMb, double liveBeforeMb, double liveAfterMb, List<Sample> samples) {

	/**
	 * The bound for a service JVM started as the local stack starts it
	 * ({@code -Xmx512m}): the whole heap and as much again for metaspace, code, threads
	 * and buffers.
	 */
	static final double BOUND_MB = 1024;

	/**
	 * What a phase may leave alive: ingest's Kafka producer keeps up to 32 MB of batch
	 * buffers once it has used them, and the duplicate check remembers the ids it
	 * published.
	 */
	static final double RETAINED_MB = 64;

	static final int WINDOW_SECONDS = 20;

	/**
	 * Summarise a phase.
	 * @param restMb the idle resident set before it
	 * @param liveBeforeMb the live heap before it, -1 when unknown
	 * @param liveAfterMb the live heap after it, -1 when unknown
	 * @param samples the samples taken during it, in order
	 * @return the summary; zeros where there are no samples
	 */
	static Memory of(double restMb, double liveBeforeMb, double liveAfterMb, List<Sample> samples) {
		if (samples.isEmpty()) {
			return new Memory(restMb, 0, 0, 0, 0, -1, -1, liveBeforeMb, liveAfterMb, List.of());
		}
		double last = samples.get(samples.size() - 1).seconds();
		double peak = samples.stream().mapToDouble(Sample::rssMb).max().orElse(0);
		double first = mean(samples.stream().filter((sample) -> sample.seconds() < WINDOW_SECONDS).toList());
		double end = mean(samples.stream().filter((sample) -> sample.seconds() > last - WINDOW_SECONDS).toList());
		double heapPeak = samples.stream().mapToDouble(Sample::heapMb).max().orElse(-1);
		double heapEnd = samples.stream()
			.mapToDouble(Sample::heapMb)
			.filter((heap) -> heap >= 0)
			.reduce((earlier, later) -> later)
			.orElse(-1);
		return new Memory(restMb, peak, samples.get(samples.size() - 1).rssMb(), first, end, heapPeak, heapEnd,
				liveBeforeMb, liveAfterMb, samples.stream().map(Sample::rounded).toList());
	}

	private static double mean(List<Sample> window) {
		return window.stream().mapToDouble(Sample::rssMb).average().orElse(0);
	}

	/**
	 * The heap the phase left alive, or -1 when either end is unknown.
	 * @return megabytes
	 */
	double retainedMb() {
		return (this.liveBeforeMb >= 0 && this.liveAfterMb >= 0) ? this.liveAfterMb - this.liveBeforeMb : -1;
	}

	/**
	 * Why this phase's memory does not count as bounded.
	 * @param service whose memory, for the words
	 * @return the problems; empty when bounded
	 */
	List<String> problems(String service) {
		List<String> problems = new ArrayList<>();
		if (this.peakMb > BOUND_MB) {
			problems.add(String.format(Locale.ROOT, "%s resident memory peaked at %.0f MB, above the bound of %.0f MB",
					service, this.peakMb, BOUND_MB));
		}
		if (retainedMb() > RETAINED_MB) {
			problems.add(String.format(Locale.ROOT,
					"%s kept %.0f MB more heap alive after the phase than before it (%.0f MB, then %.0f MB), "
							+ "more than %.0f MB",
					service, retainedMb(), this.liveBeforeMb, this.liveAfterMb, RETAINED_MB));
		}
		return problems;
	}

	/**
	 * One sample.
	 *
	 * @param seconds since the phase started
	 * @param rssMb resident set
	 * @param heapMb heap in use, -1 when the service did not say in time
	 */
	// In the JSON as [seconds, rss, heap], a phase's curve on one line.
	@JsonFormat(shape = JsonFormat.Shape.ARRAY)
	record Sample(double seconds, double rssMb, double heapMb) {

		Sample rounded() {
			return new Sample(Math.round(this.seconds * 10) / 10.0, Math.round(this.rssMb * 10) / 10.0,
					Math.round(this.heapMb * 10) / 10.0);
		}

	}

}
