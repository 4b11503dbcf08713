package newsroom.bench.pipeline.measure;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

import newsroom.bench.pipeline.load.Http;
import newsroom.bench.pipeline.load.Latencies;

/**
 * search-service's own histogram of the time from an article's {@code ingestedAt} until
 * its bulk was answered ({@code newsroom_pipeline_latency_seconds} on
 * {@code /actuator/prometheus}). Two readings, before and after a phase, give the phase's
 * articles alone; the percentiles are the upper bounds of the histogram's buckets, so a
 * little above the exact figure.
 */
final class IndexedHistogram {

	/** No reading: nothing counted yet. */
	static final IndexedHistogram EMPTY = new IndexedHistogram(Map.of());

	private static final String BUCKET = "newsroom_pipeline_latency_seconds_bucket{";

	private final Map<Double, Long> cumulative;

	private IndexedHistogram(Map<Double, Long> cumulative) {
		this.cumulative = cumulative;
	}

	/**
	 * Read the histogram now.
	 * @param http the client
	 * @param search search-service's base address
	 * @return the cumulative counts by upper bound in seconds; empty when the service
	 * does not expose them
	 */
	static IndexedHistogram read(Http http, URI search) {
		Map<Double, Long> cumulative = new TreeMap<>();
		String text = http.send(Http.request(search.resolve("/actuator/prometheus")).GET().build()).body();
		for (String line : text.split("\n")) {
			int le = line.indexOf("le=\"");
			if (!line.startsWith(BUCKET) || le < 0) {
				continue;
			}
			String bound = line.substring(le + 4, line.indexOf('"', le + 4));
			double seconds = "+Inf".equals(bound) ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
			long count = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			cumulative.merge(seconds, count, Long::sum);
		}
		return new IndexedHistogram(cumulative);
	}

	/**
	 * The percentiles of what was recorded since an earlier reading.
	 * @param before the earlier reading
	 * @return p50, p95, p99 in milliseconds (bucket upper bounds; -1 past the last one,
	 * an hour); zeros when nothing was recorded
	 */
	Latencies.Percentiles since(IndexedHistogram before) {
		Map<Double, Long> counts = new TreeMap<>();
		this.cumulative.forEach((bound, count) -> counts.put(bound, count - before.cumulative.getOrDefault(bound, 0L)));
		long total = counts.getOrDefault(Double.POSITIVE_INFINITY, 0L);
		if (total == 0) {
			return new Latencies.Percentiles(0, 0, 0, 0);
		}
		return new Latencies.Percentiles(bound(counts, total, 0.50), bound(counts, total, 0.95),
				bound(counts, total, 0.99), (int) total);
	}

	private static double bound(Map<Double, Long> counts, long total, double quantile) {
		long rank = (long) Math.ceil(quantile * total);
		for (Map.Entry<Double, Long> bucket : counts.entrySet()) {
			if (bucket.getValue() >= rank) {
				return Double.isInfinite(bucket.getKey()) ? -1 : Math.round(bucket.getKey() * 1000);
			}
		}
		return -1;
	}

}
