package newsroom.bench.pipeline.measure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import newsroom.bench.pipeline.load.ClientPool;
import newsroom.bench.pipeline.load.Elasticsearch;
import newsroom.bench.pipeline.load.Http;
import newsroom.bench.pipeline.load.Latencies;
import newsroom.events.EnrichedArticle;
import newsroom.search.index.IndexDocument;
import tools.jackson.databind.node.ObjectNode;

/**
 * Phase A: Elasticsearch alone. The documents of phase B, made into search-service's own
 * {@link IndexDocument}s, are bulk-indexed the way search-service writes them (bulks of
 * its batch size, one in flight, external versions) into a scratch index created from the
 * production mapping file with the live index's shards, replicas and refresh interval.
 * The documents are sent again under new ids until the time is up.
 */
public final class BulkThroughput {

	/** search-service's {@code newsroom.search.indexing.batch-size} default. */
	public static final int BULK_SIZE = 500;

	static final String SCRATCH_INDEX = "bench-es-alone";

	private static final String MAPPINGS = "elasticsearch/news-mappings.json";

	private BulkThroughput() {
	}

	/**
	 * Index for a fixed time.
	 * @param elasticsearch the node
	 * @param live the settings of the live {@code news} index, copied to the scratch
	 * index
	 * @param documents enriched articles
	 * @param warmup time not counted
	 * @param measured time counted
	 * @param progress told what is happening
	 * @return documents per second and the bulk response times
	 */
	public static Result run(Elasticsearch elasticsearch, Elasticsearch.IndexSettings live,
			List<EnrichedArticle> documents, Duration warmup, Duration measured, Consumer<String> progress) {
		List<String> sources = documents.stream()
			.map((article) -> Http.JSON.writeValueAsString(IndexDocument.from(article)))
			.toList();
		elasticsearch.deleteIndex(SCRATCH_INDEX);
		elasticsearch.createIndex(SCRATCH_INDEX, indexBody(live));
		progress.accept("A: bulk-indexing " + sources.size() + " distinct documents into " + SCRATCH_INDEX + " for "
				+ warmup.toSeconds() + " s warm-up + " + measured.toSeconds() + " s");
		try {
			ClientPool.Outcome outcome = ClientPool.run(1, warmup, measured, (client, sequence) -> {
				StringBuilder bulk = new StringBuilder(BULK_SIZE * 8192);
				for (int i = 0; i < BULK_SIZE; i++) {
					long position = (long) sequence * BULK_SIZE + i;
					EnrichedArticle article = documents.get((int) (position % documents.size()));
					// Later passes are new documents: same content, another id.
					String id = article.id() + "-" + (position / documents.size());
					bulk.append("{\"index\":{\"_index\":\"")
						.append(SCRATCH_INDEX)
						.append("\",\"_id\":\"")
						.append(id)
						.append("\",\"version\":")
						.append(article.revision())
						.append(",\"version_type\":\"external\"}}\n")
						.append(sources.get((int) (position % documents.size())))
						.append('\n');
				}
				elasticsearch.bulk(bulk.toString());
				return ClientPool.Result.OK;
			});
			return new Result(outcome.perSecond() * BULK_SIZE, outcome.latencies());
		}
		finally {
			elasticsearch.deleteIndex(SCRATCH_INDEX);
		}
	}

	private static ObjectNode indexBody(Elasticsearch.IndexSettings live) {
		ObjectNode body = Http.JSON.createObjectNode();
		body.putObject("settings")
			.put("number_of_shards", live.shards())
			.put("number_of_replicas", live.replicas())
			.put("refresh_interval", live.refreshInterval());
		try (InputStream mappings = BulkThroughput.class.getClassLoader().getResourceAsStream(MAPPINGS)) {
			if (mappings == null) {
				throw new IllegalStateException(MAPPINGS + " is not on the class path (search-service's jar)");
			}
			body.set("mappings", Http.JSON.readTree(mappings));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return body;
	}

	/**
	 * What phase A found.
	 *
	 * @param documentsPerSecond documents indexed per second
	 * @param bulkLatencies response times of the bulk requests
	 */
	public record Result(double documentsPerSecond, Latencies.Percentiles bulkLatencies) {
	}

}
