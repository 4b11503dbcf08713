package newsroom.bench.stack;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;

import newsroom.bench.pipeline.load.Elasticsearch;
import newsroom.bench.pipeline.load.Http;
import tools.jackson.databind.JsonNode;

/**
 * What the {@code news} alias holds after a refresh: Elasticsearch's own document count
 * and the id of every document, read page by page with {@code search_after} on the
 * {@code id} keyword.
 *
 * @param count the alias's {@code _count}
 * @param ids the {@code _id} of every document, as many as were read
 */
public record IndexContents(long count, List<String> ids) {

	/** The alias search-service writes through and reads from. */
	public static final String ALIAS = "news";

	private static final int PAGE = 5_000;

	public IndexContents {
		ids = List.copyOf(ids);
	}

	/**
	 * Refresh and read the whole alias.
	 * @param http the client
	 * @param elasticsearch the node
	 * @return the count and the ids
	 */
	public static IndexContents read(Http http, Elasticsearch elasticsearch) {
		http.json(Http.request(elasticsearch.uri("/" + ALIAS + "/_refresh")).POST(BodyPublishers.noBody()).build());
		long count = elasticsearch.searchableCount(ALIAS);
		List<String> ids = new ArrayList<>();
		String after = null;
		while (true) {
			String body = "{\"size\":" + PAGE + ",\"_source\":false,\"sort\":[{\"id\":\"asc\"}]"
					+ ((after != null) ? ",\"search_after\":[" + Http.JSON.writeValueAsString(after) + "]" : "") + "}";
			JsonNode hits = http.sendJson("POST", elasticsearch.uri("/" + ALIAS + "/_search"), body)
				.path("hits")
				.path("hits");
			for (JsonNode hit : hits) {
				ids.add(hit.path("_id").asString());
				after = hit.path("sort").path(0).asString();
			}
			if (hits.size() < PAGE) {
				return new IndexContents(count, ids);
			}
		}
	}

}
