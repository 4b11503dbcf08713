package newsroom.bench.pipeline.measure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

import newsroom.bench.pipeline.corpus.Article;
import newsroom.bench.pipeline.corpus.Corpus;
import newsroom.bench.pipeline.load.ClientPool;
import newsroom.enrich.Enrichers;
import newsroom.enrich.analysis.Analysis;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.nlp.NlpModels;
import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import newsroom.events.Origin;
import newsroom.events.RawArticle;

/**
 * Phase B: enrich-service's own {@link Enricher}, in this JVM, on every core, over corpus
 * articles: the cost of the NLP without Kafka, HTTP or Elasticsearch. The articles it
 * enriches become the documents of phase A.
 */
public final class EnrichmentThroughput {

	private EnrichmentThroughput() {
	}

	/**
	 * Enrich articles on {@code threads} threads for a fixed time.
	 * @param corpus the corpus
	 * @param distinct how many different articles to cycle through (indices 0 and up)
	 * @param threads threads, one per core for "all cores"
	 * @param warmup time not counted (JIT, caches)
	 * @param measured time counted
	 * @param progress told what is happening
	 * @return the throughput, the enriched articles and what the enricher found in them
	 */
	public static Result run(Corpus corpus, int distinct, int threads, Duration warmup, Duration measured,
			Consumer<String> progress) {
		List<Article> articles = new ArrayList<>(distinct);
		for (int i = 0; i < distinct; i++) {
			articles.add(corpus.article(i));
		}
		progress.accept("B: loading enrich-service's models");
		Enricher enricher = Enrichers.standard(NlpModels.load(), (stage, nanos) -> {
		});
		AtomicReferenceArray<EnrichedArticle> enriched = new AtomicReferenceArray<>(distinct);
		progress.accept("B: enriching in process on " + threads + " threads for " + warmup.toSeconds() + " s warm-up + "
				+ measured.toSeconds() + " s");
		ClientPool.Outcome outcome = ClientPool.run(threads, warmup, measured, (thread, sequence) -> {
			// Threads take articles in turn, so the first pass covers every article once.
			int index = (int) ((sequence * (long) threads + thread) % distinct);
			Article article = articles.get(index);
			Analysis analysis = enricher.analyse(article.title(), article.text(), null);
			if (enriched.get(index) == null) {
				enriched.set(index, EnrichedArticle.of(raw(article), analysis.enrichment(), Instant.now(), null));
			}
			return ClientPool.Result.OK;
		});
		List<EnrichedArticle> documents = new ArrayList<>();
		for (int i = 0; i < distinct; i++) {
			if (enriched.get(i) != null) {
				documents.add(enriched.get(i));
			}
		}
		return new Result(outcome.perSecond(), threads, documents, entitiesPerArticle(documents));
	}

	/**
	 * The raw event ingest would publish for the article (ids and hashes computed alike).
	 */
	private static RawArticle raw(Article article) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		return new RawArticle(RawArticle.SCHEMA_VERSION, sha256(article.url()).substring(0, 32), now.toEpochMilli(),
				article.url(), article.url(), article.source(), article.title(), article.text(), article.author(),
				article.publishedAt(), now, null, sha256(article.title() + "\n\n" + article.text()), Origin.BATCH,
				null);
	}

	private static Map<String, Double> entitiesPerArticle(List<EnrichedArticle> documents) {
		Map<String, Double> perType = new TreeMap<>();
		for (EnrichedArticle document : documents) {
			for (Entity entity : document.entities()) {
				perType.merge(entity.type().name(), 1.0, Double::sum);
			}
		}
		perType.replaceAll((type, count) -> Math.round(10 * count / Math.max(1, documents.size())) / 10.0);
		return perType;
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * What phase B found.
	 *
	 * @param articlesPerSecond articles enriched per second, all threads together
	 * @param threads threads used
	 * @param documents the enriched articles, one per distinct article enriched
	 * @param entitiesPerArticle distinct entities the enricher found per article, by type
	 */
	public record Result(double articlesPerSecond, int threads, List<EnrichedArticle> documents,
			Map<String, Double> entitiesPerArticle) {
	}

}
