package newsroom.bench.pipeline.load;

import java.util.Arrays;

/**
 * Response times of one client (not thread-safe: each client keeps its own, merged at the
 * end), kept whole so that percentiles are exact.
 */
public final class Latencies {

	private long[] nanos = new long[1024];

	private int count;

	/**
	 * Record one response time.
	 * @param elapsedNanos from request start to the whole answer read
	 */
	public void add(long elapsedNanos) {
		if (this.count == this.nanos.length) {
			this.nanos = Arrays.copyOf(this.nanos, this.count * 2);
		}
		this.nanos[this.count++] = elapsedNanos;
	}

	/**
	 * Add all of another client's times.
	 * @param other the other client's
	 */
	public void addAll(Latencies other) {
		for (int i = 0; i < other.count; i++) {
			add(other.nanos[i]);
		}
	}

	/**
	 * How many were recorded.
	 * @return the count
	 */
	public int count() {
		return this.count;
	}

	/**
	 * The percentiles of what was recorded.
	 * @return p50, p95 and p99 in milliseconds (nearest rank); zeros when empty
	 */
	public Percentiles percentiles() {
		if (this.count == 0) {
			return new Percentiles(0, 0, 0, 0);
		}
		long[] sorted = Arrays.copyOf(this.nanos, this.count);
		Arrays.sort(sorted);
		return new Percentiles(millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99), this.count);
	}

	private static double millis(long[] sorted, double quantile) {
		int rank = (int) Math.ceil(quantile * sorted.length) - 1;
		return Math.round(sorted[Math.max(0, rank)] / 1e4) / 100.0;
	}

	/**
	 * Response-time percentiles.
	 *
	 * @param p50 median, ms
	 * @param p95 95th percentile, ms
	 * @param p99 99th percentile, ms
	 * @param count how many times they summarise
	 */
	public record Percentiles(double p50, double p95, double p99, int count) {
	}

}
