package newsroom.search.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import newsroom.events.EnrichedArticle;
import newsroom.search.bench.BenchCorpus;

/**
 * The cost of matching one article against every saved search, in process, without Kafka
 * or Elasticsearch:
 * {@code bench/alerts/run.sh newsroom.search.alert.AlertMatchingBenchmark}. Prints
 * microseconds per article for no alerts, 1,000 alerts of the benchmark mix, 1,000
 * one-word alerts, and 1,000 alerts that each must run on every article (a negation
 * alone: the worst case, no anchor to skip on). Not a test.
 */
public final class AlertMatchingBenchmark {

	private static final int ARTICLES = 3_000;

	private static final int ROUNDS = 5;

	private AlertMatchingBenchmark() {
	}

	public static void main(String[] args) {
		BenchCorpus corpus = new BenchCorpus(42);
		List<EnrichedArticle> articles = new ArrayList<>();
		for (int i = 0; i < ARTICLES; i++) {
			articles.add(corpus.article("bench-" + i));
		}
		List<Map<String, Object>> mix = corpus.alerts(1000, BenchCorpus.Mix.BROAD);
		Map<String, Percolator> cases = new LinkedHashMap<>();
		cases.put("no alerts", Percolator.EMPTY);
		cases.put("1,000 alerts, selective mix",
				percolator(corpus.alerts(1000, BenchCorpus.Mix.SELECTIVE), Function.identity()));
		cases.put("1,000 alerts, broad mix", percolator(mix, Function.identity()));
		cases.put("1,000 alerts, one word each", percolator(mix, (alert) -> Map.of("name", "w", "q",
				String.valueOf(alert.getOrDefault("q", "x")).replaceAll("[\"*\\-]", "").split(" ")[0])));
		cases.put("1,000 alerts, negation alone (worst case)", percolator(mix, (alert) -> Map.of("name", "n", "q",
				"-" + String.valueOf(alert.getOrDefault("q", "x")).replaceAll("[\"*\\-]", "").split(" ")[0])));
		for (Map.Entry<String, Percolator> entry : cases.entrySet()) {
			long matches = 0;
			double best = Double.MAX_VALUE;
			for (int round = 0; round < ROUNDS; round++) {
				long started = System.nanoTime();
				for (EnrichedArticle article : articles) {
					matches += entry.getValue().match(article, Long.MAX_VALUE).size();
				}
				best = Math.min(best, (System.nanoTime() - started) / 1000.0 / articles.size());
			}
			System.out.printf("%-45s %8.1f µs per article (best of %d rounds of %,d), %.2f matches per article%n",
					entry.getKey(), best, ROUNDS, articles.size(), (double) matches / ROUNDS / articles.size());
		}
	}

	private static Percolator percolator(List<Map<String, Object>> requests,
			Function<Map<String, Object>, Map<String, Object>> change) {
		List<CompiledAlert> alerts = new ArrayList<>();
		int i = 0;
		for (Map<String, Object> body : requests) {
			Map<String, Object> request = change.apply(body);
			@SuppressWarnings("unchecked")
			AlertRequest alert = new AlertRequest((String) request.get("name"), (String) request.get("q"),
					(List<String>) request.get("entity"), (List<String>) request.get("tag"),
					(List<String>) request.get("source"), null);
			alerts.add(CompiledAlert.of(alert.toAlert("alert-" + i++, Instant.EPOCH)));
		}
		return Percolator.of(alerts);
	}

}
