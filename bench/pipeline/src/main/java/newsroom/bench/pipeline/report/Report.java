package newsroom.bench.pipeline.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The results of one run, as written to {@code bench/results/*.json}. The headline
 * figures (E, efficiency, S) are those at the first index size; {@code growth} has them
 * at every size.
 *
 * @param mode {@code full}, {@code quick} or {@code custom}
 * @param machine where it ran
 * @param when when it started (UTC, ISO-8601)
 * @param stack {@code local} (started by the run) or {@code external}
 * @param settings how it ran
 * @param corpus what the articles were like
 * @param esDocsPerSecond A
 * @param bulkMillis A's bulk response times
 * @param enrichArticlesPerSecond B
 * @param enrichThreads B's threads
 * @param e2eBatch E, batch submission
 * @param e2eSingle E, single submissions
 * @param efficiency E over the serial combination of A and B
 * @param freshnessMillis F's percentiles
 * @param freshness F's counts
 * @param refreshIntervalMillis the {@code news} index's refresh interval
 * @param search S
 * @param growth E and S at every index size, by size
 * @param memory resident memory by process
 * @param phases wall and CPU time of each phase
 * @param notes what a reader should know about this run
 */
public record Report(String mode, Machine machine, String when, String stack, Settings settings, CorpusFigures corpus,
		@JsonProperty("A_es_docs_per_s") double esDocsPerSecond, @JsonProperty("A_bulk_ms") Latency bulkMillis,
		@JsonProperty("B_enrich_articles_per_s") double enrichArticlesPerSecond,
		@JsonProperty("B_threads") int enrichThreads, @JsonProperty("E_e2e_articles_per_s") double e2eBatch,
		@JsonProperty("E_e2e_single_articles_per_s") double e2eSingle, Efficiency efficiency,
		@JsonProperty("freshness_ms") Latency freshnessMillis, FreshnessCounts freshness,
		@JsonProperty("freshness_stages_ms") FreshnessStages freshnessStages,
		@JsonProperty("refresh_interval_ms") long refreshIntervalMillis, Search search, Map<String, Growth> growth,
		@JsonProperty("memory_mb") Map<String, Memory> memory, List<Phase> phases, List<String> notes) {

	/**
	 * The machine.
	 *
	 * @param cores processors the JVM sees
	 * @param memoryMb physical memory
	 * @param cpu the processor's model name
	 * @param java the Java version
	 * @param os the kernel
	 * @param loadStart one-minute load average when the run started
	 * @param loadEnd one-minute load average when it ended (other work on the machine
	 * shows here)
	 */
	public record Machine(int cores, @JsonProperty("memory_mb") long memoryMb, String cpu, String java, String os,
			@JsonProperty("load_average_start") double loadStart, @JsonProperty("load_average_end") double loadEnd) {
	}

	/**
	 * The run's settings.
	 *
	 * @param sizes index sizes of the growth steps
	 * @param phaseSeconds measured time of A, B and S
	 * @param warmupSeconds unmeasured time before each
	 * @param seed the corpus seed
	 * @param freshnessRate F's articles per second
	 * @param freshnessSeconds F's duration
	 * @param freshnessPollMillis F's poll interval
	 * @param searchClients S's concurrent clients
	 * @param singleClients E single's concurrent clients
	 * @param batchChunk articles per E batch request
	 * @param bulkSize documents per A bulk request
	 */
	public record Settings(List<Integer> sizes, @JsonProperty("phase_seconds") long phaseSeconds,
			@JsonProperty("warmup_seconds") long warmupSeconds, long seed,
			@JsonProperty("freshness_rate") double freshnessRate,
			@JsonProperty("freshness_seconds") long freshnessSeconds,
			@JsonProperty("freshness_poll_ms") long freshnessPollMillis,
			@JsonProperty("search_clients") int searchClients, @JsonProperty("single_clients") int singleClients,
			@JsonProperty("batch_chunk") int batchChunk, @JsonProperty("bulk_size") int bulkSize) {
	}

	/**
	 * The corpus, from a sample.
	 *
	 * @param sample articles the figures are from
	 * @param meanWords mean body length
	 * @param minWords shortest
	 * @param maxWords longest
	 * @param mentionsPerArticle entity mentions written per article, by type
	 * @param entitiesFound distinct entities enrich-service found per article, by type
	 * @param nearDuplicatesFlagged articles in the index marked as near-duplicates
	 */
	public record CorpusFigures(int sample, @JsonProperty("mean_words") double meanWords,
			@JsonProperty("min_words") int minWords, @JsonProperty("max_words") int maxWords,
			@JsonProperty("mentions_per_article") Map<String, Double> mentionsPerArticle,
			@JsonProperty("entities_found_per_article") Map<String, Double> entitiesFound,
			@JsonProperty("near_duplicates_flagged") long nearDuplicatesFlagged) {
	}

	/**
	 * Percentiles in milliseconds.
	 *
	 * @param p50 median
	 * @param p95 95th percentile
	 * @param p99 99th percentile
	 */
	public record Latency(double p50, double p95, double p99) {
	}

	/**
	 * E over the best the pipeline could do if its two expensive steps shared the machine
	 * perfectly: {@code 1 / (1/A + 1/B)}.
	 *
	 * @param batch for batch submission
	 * @param single for single submissions
	 */
	public record Efficiency(double batch, double single) {
	}

	/**
	 * F's counts.
	 *
	 * @param submitted articles submitted
	 * @param found articles found by a search
	 * @param notFound articles refused or never found
	 * @param achievedRate articles per second actually submitted
	 */
	public record FreshnessCounts(int submitted, int found, @JsonProperty("not_found") int notFound,
			@JsonProperty("achieved_rate") double achievedRate) {
	}

	/**
	 * F's time split at the services' own stamps ({@code ingestedAt},
	 * {@code enrichedAt}).
	 *
	 * @param ingest ingest request start until {@code ingestedAt}
	 * @param enrich {@code ingestedAt} until {@code enrichedAt}
	 * @param indexed {@code ingestedAt} until search-service's bulk was answered (its
	 * histogram's bucket bounds)
	 * @param searchable {@code enrichedAt} until found by a search
	 * @param slowestHundredth for the slowest 1 % of articles, each stage's mean
	 */
	public record FreshnessStages(Latency ingest, Latency enrich, Latency indexed, Latency searchable,
			@JsonProperty("slowest_hundredth_mean") StageMeans slowestHundredth) {
	}

	/**
	 * Each stage's mean over some of F's articles, ms.
	 *
	 * @param ingest ingest request start until {@code ingestedAt}
	 * @param enrich {@code ingestedAt} until {@code enrichedAt}
	 * @param searchable {@code enrichedAt} until found by a search
	 */
	public record StageMeans(long ingest, long enrich, long searchable) {
	}

	/**
	 * One way of searching.
	 *
	 * @param p50 median, ms
	 * @param p99 99th percentile, ms
	 * @param qps answered searches per second
	 * @param errors answers other than 200
	 */
	public record Searching(@JsonProperty("p50_ms") double p50, @JsonProperty("p99_ms") double p99, double qps,
			long errors) {
	}

	/**
	 * S.
	 *
	 * @param service through search-service
	 * @param direct straight to Elasticsearch
	 * @param directMatchesService whether the direct query returned the service's hits
	 */
	public record Search(Searching service, Searching direct,
			@JsonProperty("direct_matches_service") boolean directMatchesService) {
	}

	/**
	 * One E measurement.
	 *
	 * @param articles articles submitted
	 * @param seconds until all were searchable
	 * @param perSecond articles per second
	 * @param missing accepted articles never searchable
	 * @param requestMillis response times of single submissions, {@code null} for batches
	 */
	public record EndToEnd(int articles, double seconds, @JsonProperty("articles_per_s") double perSecond, long missing,
			@JsonProperty("request_ms") Latency requestMillis) {
	}

	/**
	 * E and S at one index size.
	 *
	 * @param articlesInIndex articles searchable when S ran
	 * @param batch E by batch, {@code null} when the index was already that large
	 * @param single E by single submissions, likewise
	 * @param efficiency E batch and single over the serial combination of A and B (0
	 * where E did not run)
	 * @param search S
	 * @param indexBytes primary store size of the {@code news} index
	 * @param bytesPerArticle store size per article
	 */
	public record Growth(@JsonProperty("articles_in_index") long articlesInIndex,
			@JsonProperty("E_batch") EndToEnd batch, @JsonProperty("E_single") EndToEnd single, Efficiency efficiency,
			Search search, @JsonProperty("index_bytes") long indexBytes,
			@JsonProperty("index_bytes_per_article") double bytesPerArticle) {
	}

	/**
	 * Resident memory of one process.
	 *
	 * @param rest mean while idle after start-up, MB
	 * @param peak highest once-a-second sample, MB
	 * @param peakPhase the phase of that sample
	 */
	public record Memory(double rest, double peak, @JsonProperty("peak_phase") String peakPhase) {
	}

	/**
	 * One phase of the run.
	 *
	 * @param name the phase
	 * @param seconds wall time
	 * @param cpuSeconds CPU time each process used meanwhile
	 */
	public record Phase(String name, double seconds, @JsonProperty("cpu_seconds") Map<String, Double> cpuSeconds) {
	}

}
