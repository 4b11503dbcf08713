package newsroom.bench.pipeline.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's results: {@code latest.json}, a dated copy and {@code latest.md} for a
 * full run; the same names with {@code -quick} (or {@code -custom}) for scaled-down runs,
 * so that their figures are never mistaken for a full run's.
 */
public final class ReportWriter {

	private static final DateTimeFormatter DATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm")
		.withZone(ZoneOffset.UTC);

	private ReportWriter() {
	}

	/**
	 * Write the three files.
	 * @param report the results
	 * @param folder {@code bench/results}
	 * @return the files written
	 */
	public static List<Path> write(Report report, Path folder) {
		String suffix = "full".equals(report.mode()) ? "" : "-" + report.mode();
		String json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n";
		List<Path> files = List.of(folder.resolve("latest" + suffix + ".json"),
				folder.resolve(DATED.format(Instant.parse(report.when())) + suffix + ".json"),
				folder.resolve("latest" + suffix + ".md"));
		try {
			Files.createDirectories(folder);
			Files.writeString(files.get(0), json);
			Files.writeString(files.get(1), json);
			Files.writeString(files.get(2), markdown(report));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	/**
	 * The results as a Markdown page: the headline table, growth, memory, corpus.
	 * @param report the results
	 * @return the page
	 */
	public static String markdown(Report report) {
		List<String> lines = new ArrayList<>();
		String title = "full".equals(report.mode()) ? "Pipeline benchmark" : "Pipeline benchmark — "
				+ report.mode().toUpperCase(Locale.ROOT) + " run (scaled down: not the project's figures)";
		Report.Machine machine = report.machine();
		lines.add("# " + title);
		lines.add("");
		lines.add(String.format(Locale.ROOT,
				"%s, %s stack; %d cores, %,d MB, %s; Java %s; load average %.1f at the start, %.1f at the end.",
				report.when(), report.stack(), machine.cores(), machine.memoryMb(), machine.cpu(), machine.java(),
				machine.loadStart(), machine.loadEnd()));
		String command = switch (report.mode()) {
			case "full" -> "`bench/pipeline/run`";
			case "quick" -> "`bench/pipeline/run --quick`";
			default -> "`bench/pipeline/run` with the options in the JSON's settings";
		};
		lines.add("Made by " + command + "; the JSON beside this file has every figure.");
		lines.add("");
		headline(report, lines);
		growth(report, lines);
		memory(report, lines);
		corpus(report, lines);
		if (!report.notes().isEmpty()) {
			lines.add("");
			report.notes().forEach((note) -> lines.add("- " + note));
		}
		return String.join("\n", lines) + "\n";
	}

	private static void headline(Report report, List<String> lines) {
		Report.Search search = report.search();
		Report.Latency fresh = report.freshnessMillis();
		lines.add("| | figure | how |");
		lines.add("|---|---|---|");
		lines.add(row("**A** Elasticsearch alone", "%,.0f docs/s", report.esDocsPerSecond(), "bulks of "
				+ report.settings().bulkSize() + ", one in flight, scratch index with the production mapping"));
		lines.add(row("**B** enrichment alone", "%,.1f articles/s", report.enrichArticlesPerSecond(),
				"enrich-service's Enricher in process, " + report.enrichThreads() + " threads"));
		lines.add(row("**E** end to end, batch", "%,.1f articles/s", report.e2eBatch(), String.format(Locale.ROOT,
				"NDJSON batches of %d; efficiency %.2f", report.settings().batchChunk(), report.efficiency().batch())));
		lines.add(row("**E** end to end, single", "%,.1f articles/s", report.e2eSingle(),
				String.format(Locale.ROOT, "%d concurrent clients; efficiency %.2f", report.settings().singleClients(),
						report.efficiency().single())));
		lines.add(String.format(Locale.ROOT,
				"| **F** freshness | p50 %,.0f / p95 %,.0f / p99 %,.0f ms | %.0f articles/s for %d s; refresh interval %d ms; %d of %d found |",
				fresh.p50(), fresh.p95(), fresh.p99(), report.freshness().achievedRate(),
				report.settings().freshnessSeconds(), report.refreshIntervalMillis(), report.freshness().found(),
				report.freshness().submitted()));
		Report.FreshnessStages stages = report.freshnessStages();
		if (stages != null) {
			lines.add(String.format(Locale.ROOT,
					"| F by stage: ingest / enrich / until searchable | p50 %,.0f / %,.0f / %,.0f ms, p99 %,.0f / %,.0f / %,.0f ms | the services' `ingestedAt` and `enrichedAt`; ingest until indexed (search-service's histogram) p50 %,.0f, p99 %,.0f ms; the slowest 1 %% spent %,d / %,d / %,d ms on average |",
					stages.ingest().p50(), stages.enrich().p50(), stages.searchable().p50(), stages.ingest().p99(),
					stages.enrich().p99(), stages.searchable().p99(), stages.indexed().p50(), stages.indexed().p99(),
					stages.slowestHundredth().ingest(), stages.slowestHundredth().enrich(),
					stages.slowestHundredth().searchable()));
		}
		lines
			.add(searchRow("**S** search via search-service", search.service(), report.settings().searchClients(), ""));
		lines.add(searchRow("**S** same query to Elasticsearch", search.direct(), report.settings().searchClients(),
				search.directMatchesService() ? ", same hits as the service" : ", HITS DIFFER from the service's"));
		lines.add("");
		lines.add("Headline E and S are at the first index size. Efficiency = E ÷ (1 / (1/A + 1/B)).");
	}

	private static void growth(Report report, List<String> lines) {
		lines.add("");
		lines.add(
				"| articles in index | E batch /s | E single /s | efficiency, batch / single | S service p50 / p99 ms, q/s | S direct p50 / p99 ms, q/s | index bytes per article |");
		lines.add("|---:|---:|---:|---:|---:|---:|---:|");
		for (Map.Entry<String, Report.Growth> step : report.growth().entrySet()) {
			Report.Growth growth = step.getValue();
			lines.add(String.format(Locale.ROOT, "| %,d | %s | %s | %.2f / %.2f | %s | %s | %,.0f |",
					growth.articlesInIndex(), rate(growth.batch()), rate(growth.single()), growth.efficiency().batch(),
					growth.efficiency().single(), searching(growth.search().service()),
					searching(growth.search().direct()), growth.bytesPerArticle()));
		}
	}

	private static void memory(Report report, List<String> lines) {
		lines.add("");
		lines.add("| process | resident MB at rest | peak MB | peak during |");
		lines.add("|---|---:|---:|---|");
		report.memory()
			.forEach((name, memory) -> lines.add(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %s |", name,
					memory.rest(), memory.peak(), memory.peakPhase())));
	}

	private static void corpus(Report report, List<String> lines) {
		Report.CorpusFigures corpus = report.corpus();
		lines.add("");
		lines.add(String.format(Locale.ROOT,
				"Corpus (seed %d, sample of %,d): %.0f words on average (%d–%d); written mentions per article: %s; "
						+ "distinct entities enrich-service found per article: %s; flagged as near-duplicates in the "
						+ "index: %,d.",
				report.settings().seed(), corpus.sample(), corpus.meanWords(), corpus.minWords(), corpus.maxWords(),
				byType(corpus.mentionsPerArticle()), byType(corpus.entitiesFound()), corpus.nearDuplicatesFlagged()));
	}

	private static String byType(Map<String, Double> counts) {
		List<String> parts = new ArrayList<>();
		counts.forEach((type, count) -> parts.add(type.toLowerCase(Locale.ROOT) + " " + count));
		return String.join(", ", parts);
	}

	private static String row(String what, String format, double value, String how) {
		return "| " + what + " | " + String.format(Locale.ROOT, format, value) + " | " + how + " |";
	}

	private static String searchRow(String what, Report.Searching figures, int clients, String note) {
		return "| " + what + " | " + searching(figures) + " | " + clients + " clients, dashboard query"
				+ ((figures.errors() > 0) ? ", " + figures.errors() + " errors" : "") + note + " |";
	}

	private static String searching(Report.Searching figures) {
		return String.format(Locale.ROOT, "%,.0f / %,.0f ms, %,.1f q/s", figures.p50(), figures.p99(), figures.qps());
	}

	private static String rate(Report.EndToEnd phase) {
		return (phase != null) ? String.format(Locale.ROOT, "%,.1f", phase.perSecond()) : "–";
	}

}
