package newsroom.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A service's memory over a phase, and whether it stayed bounded: its resident set never
 * above {@link #BOUND_MB}, and not growing. Growing means the mean of the phase's last
 * {@value #WINDOW_SECONDS} s is more than {@link #MAX_GROWTH} above the mean of its first
 * {@value #WINDOW_SECONDS} s while the set is still rising at the end (more than
 * {@value #RISING_MB} MB between the lowest and the highest of the last
 * {@value #END_SECONDS} samples): a leak or a queue grows on, whereas a JVM that grew its
 * heap to the load in a step or two levels off, below its bound.
 *
 * @param restMb resident set before the phase, idle (mean of a few seconds)
 * @param peakMb highest resident set during the phase
 * @param endMb resident set at the phase's last sample
 * @param firstWindowMb mean resident set over the phase's first seconds
 * @param lastWindowMb mean resident set over the phase's last seconds
 * @param endRiseMb highest minus lowest of the last few samples
 * @param heapPeakMb highest heap in use (-1 when the service never said)
 * @param heapEndMb heap in use at the last sample that said it
 * @param samples the samples, one a second: the curve behind these figures
 */
record Memory(double restMb, double peakMb, double endMb, double firstWindowMb, double lastWindowMb, double endRiseMb,
		double heapPeakMb, double heapEndMb, List<Sample> samples) {

	/**
	 * The bound for a service JVM started as the local stack starts it
	 * ({@code -Xmx512m}): the whole heap and as much again for metaspace, code, threads
	 * and buffers.
	 */
	static final double BOUND_MB = 1024;

	/** How much the last window's mean may exceed the first's. */
	static final double MAX_GROWTH = 0.10;

	static final int WINDOW_SECONDS = 20;

	static final int END_SECONDS = 10;

	static final double RISING_MB = 16;

	/**
	 * Summarise a phase.
	 * @param restMb the idle resident set before it
	 * @param samples the samples taken during it, in order
	 * @return the summary; all zeros but the rest when there are no samples
	 */
	static Memory of(double restMb, List<Sample> samples) {
		if (samples.isEmpty()) {
			return new Memory(restMb, 0, 0, 0, 0, 0, -1, -1, List.of());
		}
		double last = samples.get(samples.size() - 1).seconds();
		double peak = samples.stream().mapToDouble(Sample::rssMb).max().orElse(0);
		double first = mean(samples.stream().filter((sample) -> sample.seconds() < WINDOW_SECONDS).toList());
		double end = mean(samples.stream().filter((sample) -> sample.seconds() > last - WINDOW_SECONDS).toList());
		List<Sample> ending = samples.subList(Math.max(0, samples.size() - END_SECONDS), samples.size());
		double rise = ending.stream().mapToDouble(Sample::rssMb).max().orElse(0)
				- ending.stream().mapToDouble(Sample::rssMb).min().orElse(0);
		double heapPeak = samples.stream().mapToDouble(Sample::heapMb).max().orElse(-1);
		double heapEnd = samples.stream()
			.mapToDouble(Sample::heapMb)
			.filter((heap) -> heap >= 0)
			.reduce((earlier, later) -> later)
			.orElse(-1);
		return new Memory(restMb, peak, samples.get(samples.size() - 1).rssMb(), first, end, rise, heapPeak, heapEnd,
				samples.stream().map(Sample::rounded).toList());
	}

	private static double mean(List<Sample> window) {
		return window.stream().mapToDouble(Sample::rssMb).average().orElse(0);
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
		if (this.lastWindowMb > this.firstWindowMb * (1 + MAX_GROWTH) && this.endRiseMb > RISING_MB) {
			problems.add(String.format(Locale.ROOT,
					"%s resident memory grew from %.0f MB (first %d s) to %.0f MB (last %d s), more than %.0f %%, "
							+ "and still rose %.0f MB in the last %d s",
					service, this.firstWindowMb, WINDOW_SECONDS, this.lastWindowMb, WINDOW_SECONDS, MAX_GROWTH * 100,
					this.endRiseMb, END_SECONDS));
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
