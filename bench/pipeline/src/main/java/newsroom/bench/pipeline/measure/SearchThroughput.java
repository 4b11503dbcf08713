package newsroom.bench.pipeline.measure;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import newsroom.bench.pipeline.load.ClientPool;
import newsroom.bench.pipeline.load.DashboardQuery;
import newsroom.bench.pipeline.load.Elasticsearch;
import newsroom.bench.pipeline.load.Http;
import newsroom.bench.pipeline.load.Latencies;
import tools.jackson.databind.JsonNode;

/**
 * Phase S: concurrent dashboard users, each sending the dashboard's search and waiting
 * for the whole answer before the next, for a fixed time; first through search-service,
 * then the same searches straight to Elasticsearch. Queries rotate through a fixed list
 * so that no cache answers a repeated request.
 */
public final class SearchThroughput {

	private final Http http;

	private final URI search;

	private final Elasticsearch elasticsearch;

	private final List<DashboardQuery> queries;

	public SearchThroughput(Http http, URI search, Elasticsearch elasticsearch, List<String> terms) {
		this.http = http;
		this.search = search;
		this.elasticsearch = elasticsearch;
		this.queries = terms.stream().map(DashboardQuery::new).toList();
	}

	/**
	 * Run both.
	 * @param clients concurrent clients
	 * @param warmup time not counted
	 * @param measured time counted
	 * @param progress told what is happening
	 * @return latencies and rates through search-service and directly
	 */
	public Result run(int clients, Duration warmup, Duration measured, Consumer<String> progress) {
		progress.accept("  S: " + clients + " clients through search-service for " + warmup.toSeconds() + " s + "
				+ measured.toSeconds() + " s");
		List<HttpRequest> service = this.queries.stream()
			.map((query) -> Http.request(query.serviceUri(this.search)).GET().build())
			.toList();
		ClientPool.Outcome viaService = ClientPool.run(clients, warmup, measured, rotating(service));
		progress.accept("  S: the same searches straight to Elasticsearch");
		List<HttpRequest> direct = this.queries.stream()
			.map((query) -> Http.request(this.elasticsearch.uri("/" + EndToEnd.ALIAS + "/_search"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(query.elasticsearchBody()))
				.build())
			.toList();
		ClientPool.Outcome viaElasticsearch = ClientPool.run(clients, warmup, measured, rotating(direct));
		return new Result(Figures.of(viaService), Figures.of(viaElasticsearch), sameHits(service, direct));
	}

	private ClientPool.Request rotating(List<HttpRequest> requests) {
		return (client, sequence) -> {
			// Clients start at different places in the list and step through it.
			HttpRequest request = requests.get((client * 7 + sequence) % requests.size());
			return (this.http.send(request).statusCode() == 200) ? ClientPool.Result.OK : ClientPool.Result.FAILED;
		};
	}

	/**
	 * Whether the direct query is the service's: the same total and the same hits in the
	 * same order for the first few queries.
	 */
	private boolean sameHits(List<HttpRequest> service, List<HttpRequest> direct) {
		for (int i = 0; i < Math.min(5, service.size()); i++) {
			JsonNode fromService = this.http.json(service.get(i));
			JsonNode fromElasticsearch = this.http.json(direct.get(i));
			List<String> serviceIds = new ArrayList<>();
			fromService.path("hits").forEach((hit) -> serviceIds.add(hit.path("id").asString()));
			List<String> directIds = new ArrayList<>();
			fromElasticsearch.path("hits").path("hits").forEach((hit) -> directIds.add(hit.path("_id").asString()));
			long directTotal = fromElasticsearch.path("hits").path("total").path("value").asLong();
			if (fromService.path("total").asLong() != directTotal
					|| !serviceIds.equals(directIds.subList(0, Math.min(directIds.size(), serviceIds.size())))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Latency and rate of one way of searching.
	 *
	 * @param p50Millis median response time
	 * @param p99Millis 99th percentile
	 * @param queriesPerSecond answered searches per second
	 * @param errors searches not answered with 200
	 */
	public record Figures(double p50Millis, double p99Millis, double queriesPerSecond, long errors) {

		static Figures of(ClientPool.Outcome outcome) {
			Latencies.Percentiles latencies = outcome.latencies();
			return new Figures(latencies.p50(), latencies.p99(), outcome.perSecond(), outcome.errors());
		}

	}

	/**
	 * What phase S found.
	 *
	 * @param service through search-service
	 * @param direct straight to Elasticsearch
	 * @param directMatchesService whether the direct query returned the service's hits
	 */
	public record Result(Figures service, Figures direct, boolean directMatchesService) {
	}

}
