package newsroom.bench.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import newsroom.bench.pipeline.load.Latencies;
import newsroom.bench.pipeline.measure.BulkThroughput;
import newsroom.bench.pipeline.measure.EndToEnd;
import newsroom.bench.pipeline.measure.EnrichmentThroughput;
import newsroom.bench.pipeline.measure.Freshness;
import newsroom.bench.pipeline.measure.SearchThroughput;
import newsroom.bench.pipeline.report.Report;

/**
 * Turns what the phases measured into the report's shape, rounded to what the
 * measurements can tell.
 */
final class ReportAssembly {

	private ReportAssembly() {
	}

	static Report report(Options options, BenchmarkRun.Results results, Report.Machine machine, String when,
			String stack) {
		Report.Growth first = results.growth.values().iterator().next();
		double batch = (first.batch() != null) ? first.batch().perSecond() : 0;
		double single = (first.single() != null) ? first.single().perSecond() : 0;
		EnrichmentThroughput.Result enrichment = results.enrichment;
		BulkThroughput.Result bulk = results.bulk;
		Report.CorpusFigures corpus = new Report.CorpusFigures(results.sample.articles(), results.sample.meanWords(),
				results.sample.minWords(), results.sample.maxWords(), results.sample.mentionsPerArticle(),
				enrichment.entitiesPerArticle(), results.nearDuplicates);
		Report.Settings settings = new Report.Settings(options.sizes(), options.phase().toSeconds(),
				options.warmup().toSeconds(), options.seed(), options.rate(), options.freshness().toSeconds(),
				BenchmarkRun.FRESHNESS_POLL.toMillis(), BenchmarkRun.SEARCH_CLIENTS, BenchmarkRun.SINGLE_CLIENTS,
				EndToEnd.BATCH_CHUNK, BulkThroughput.BULK_SIZE);
		var freshness = results.freshness;
		return new Report(options.mode(), machine, when, stack, settings, corpus,
				Numbers.round(bulk.documentsPerSecond(), 0), latency(bulk.bulkLatencies()),
				Numbers.round(enrichment.articlesPerSecond(), 1), enrichment.threads(), batch, single,
				first.efficiency(), latency(freshness.latency()),
				new Report.FreshnessCounts(freshness.submitted(), freshness.found(), freshness.notFound(),
						Numbers.round(freshness.achievedPerSecond(), 1)),
				stages(freshness.stages()), results.refreshIntervalMillis, first.search(), results.growth,
				memory(results), results.phases, notes(results, machine, stack));
	}

	private static Report.FreshnessStages stages(Freshness.Stages stages) {
		Freshness.StageMillis tail = stages.slowestHundredth();
		return new Report.FreshnessStages(latency(stages.ingest()), latency(stages.enrich()), latency(stages.indexed()),
				latency(stages.searchable()), new Report.StageMeans(tail.ingest(), tail.enrich(), tail.searchable()));
	}

	private static double ratio(double part, double whole) {
		return (whole > 0 && Double.isFinite(whole)) ? Numbers.round(part / whole, 2) : 0;
	}

	static Report.Growth growth(long articles, EndToEnd.Throughput batch, EndToEnd.Throughput single,
			SearchThroughput.Result search, long bytes, double ideal) {
		return new Report.Growth(articles, endToEnd(batch), endToEnd(single),
				new Report.Efficiency(ratio((batch != null) ? batch.perSecond() : 0, ideal),
						ratio((single != null) ? single.perSecond() : 0, ideal)),
				new Report.Search(searching(search.service()), searching(search.direct()),
						search.directMatchesService()),
				bytes, Numbers.round((double) bytes / Math.max(1, articles), 0));
	}

	private static Report.EndToEnd endToEnd(EndToEnd.Throughput phase) {
		if (phase == null) {
			return null;
		}
		return new Report.EndToEnd(phase.articles(), Numbers.round(phase.seconds(), 1),
				Numbers.round(phase.perSecond(), 1), phase.missing(),
				(phase.requests() != null) ? latency(phase.requests()) : null);
	}

	private static Report.Searching searching(SearchThroughput.Figures figures) {
		return new Report.Searching(Numbers.round(figures.p50Millis(), 1), Numbers.round(figures.p99Millis(), 1),
				Numbers.round(figures.queriesPerSecond(), 1), figures.errors());
	}

	private static Report.Latency latency(Latencies.Percentiles percentiles) {
		return new Report.Latency(Numbers.round(percentiles.p50(), 1), Numbers.round(percentiles.p95(), 1),
				Numbers.round(percentiles.p99(), 1));
	}

	private static Map<String, Report.Memory> memory(BenchmarkRun.Results results) {
		Map<String, Report.Memory> memory = new LinkedHashMap<>();
		results.rest.forEach((process, rest) -> {
			var peak = results.peaks.get(process);
			memory.put(process, new Report.Memory(Numbers.round(rest, 0),
					Numbers.round((peak != null) ? peak.megabytes() : rest, 0), (peak != null) ? peak.phase() : ""));
		});
		return memory;
	}

	private static List<String> notes(BenchmarkRun.Results results, Report.Machine machine, String stack) {
		List<String> notes = new ArrayList<>();
		notes.add("Memory: 'kafka' is the JVM listening on the Kafka port"
				+ ("local".equals(stack) ? " (in the local stack, the launcher with the broker inside)" : "")
				+ "; 'elasticsearch' is its server JVM plus its launcher JVM; 'bench' is this benchmark's JVM, "
				+ "which runs B and all the clients.");
		if (machine.loadStart() > machine.cores() / 2.0) {
			notes.add(String.format(Locale.ROOT,
					"The machine was busy before the run began (load average %.1f on %d cores): "
							+ "other work shared the cores, so figures are low.",
					machine.loadStart(), machine.cores()));
		}
		Report.Growth first = results.growth.values().iterator().next();
		for (Report.EndToEnd phase : new Report.EndToEnd[] { first.batch(), first.single() }) {
			if (phase != null && phase.perSecond() < results.freshness.achievedPerSecond()) {
				notes.add(String.format(Locale.ROOT,
						"E (%.1f articles/s) was below F's rate (%.0f/s): F's articles queued, so its times "
								+ "measure a backlog, not freshness.",
						phase.perSecond(), results.freshness.achievedPerSecond()));
				break;
			}
		}
		results.growth.forEach((size, growth) -> {
			for (Report.EndToEnd phase : new Report.EndToEnd[] { growth.batch(), growth.single() }) {
				if (phase != null && phase.missing() > 0) {
					notes.add(phase.missing() + " articles submitted on the way to " + size
							+ " never became searchable; their E figure counts only the others.");
				}
			}
		});
		return notes;
	}

}
