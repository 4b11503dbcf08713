package newsroom.bench.pipeline.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The few Elasticsearch calls the benchmark makes, as plain HTTP and JSON: counts and
 * statistics of the {@code news} alias, the scratch index of phase A, and bulk requests
 * whose every item is checked.
 */
public final class Elasticsearch {

	private final Http http;

	private final URI base;

	public Elasticsearch(Http http, URI base) {
		this.http = http;
		this.base = base;
	}

	/**
	 * The server's address.
	 * @return e.g. {@code http://127.0.0.1:9200}
	 */
	public URI base() {
		return this.base;
	}

	/**
	 * Documents that searches see now (refreshed), the measure of "searchable".
	 * @param index an index or alias
	 * @return the count
	 */
	public long searchableCount(String index) {
		return this.http.getJson(uri("/" + index + "/_count")).path("count").asLong();
	}

	/**
	 * Searchable documents that match a query.
	 * @param index an index or alias
	 * @param query the query object, as JSON
	 * @return the count
	 */
	public long searchableCount(String index, String query) {
		return this.http.sendJson("POST", uri("/" + index + "/_count"), "{\"query\":" + query + "}")
			.path("count")
			.asLong();
	}

	/**
	 * Size on disk of the primary shards behind an index or alias.
	 * @param index an index or alias
	 * @return bytes and documents
	 */
	public StoreStats storeStats(String index) {
		JsonNode primaries = this.http.getJson(uri("/" + index + "/_stats/store,docs")).path("_all").path("primaries");
		return new StoreStats(primaries.path("store").path("size_in_bytes").asLong(),
				primaries.path("docs").path("count").asLong());
	}

	/**
	 * The settings of the (first) index behind an alias that a copy needs to behave the
	 * same: shards, replicas and refresh interval, defaults included.
	 * @param alias the alias
	 * @return the settings, flat ({@code index.refresh_interval} and so on)
	 */
	public IndexSettings settings(String alias) {
		JsonNode all = this.http.getJson(uri("/" + alias + "/_settings?include_defaults=true&flat_settings=true"));
		Iterator<Map.Entry<String, JsonNode>> indices = all.properties().iterator();
		if (!indices.hasNext()) {
			throw new IllegalStateException("No index behind " + alias);
		}
		JsonNode index = indices.next().getValue();
		return new IndexSettings(setting(index, "index.number_of_shards"), setting(index, "index.number_of_replicas"),
				setting(index, "index.refresh_interval"));
	}

	private static String setting(JsonNode index, String name) {
		JsonNode value = index.path("settings").path(name);
		return value.isMissingNode() ? index.path("defaults").path(name).asString() : value.asString();
	}

	/**
	 * Create an index.
	 * @param name the index
	 * @param body the creation body (settings and mappings)
	 */
	public void createIndex(String name, ObjectNode body) {
		this.http.sendJson("PUT", uri("/" + name), body.toString());
	}

	/**
	 * Delete an index if it exists.
	 * @param name the index
	 */
	public void deleteIndex(String name) {
		this.http.send(Http.request(uri("/" + name + "?ignore_unavailable=true")).DELETE().build());
	}

	/**
	 * Send a bulk request and require every item to have succeeded: a 200 alone says
	 * nothing about the items.
	 * @param ndjson the bulk body
	 * @return how many items it held
	 * @throws IllegalStateException naming the first failed item
	 */
	public int bulk(String ndjson) {
		JsonNode answer = this.http.json(Http.request(uri("/_bulk"))
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofString(ndjson))
			.build());
		if (answer.path("errors").asBoolean()) {
			for (JsonNode item : answer.path("items")) {
				JsonNode result = item.properties().iterator().next().getValue();
				if (result.has("error")) {
					throw new IllegalStateException("Bulk item refused: " + result.path("error"));
				}
			}
		}
		return answer.path("items").size();
	}

	/**
	 * An address on the server.
	 * @param pathAndQuery e.g. {@code /news/_search}
	 * @return the URI
	 */
	public URI uri(String pathAndQuery) {
		return this.base.resolve(pathAndQuery);
	}

	/**
	 * Primary store size and document count.
	 *
	 * @param bytes bytes on disk
	 * @param documents Lucene documents: articles and their nested entities
	 */
	public record StoreStats(long bytes, long documents) {
	}

	/**
	 * Index settings as Elasticsearch reports them.
	 *
	 * @param shards primary shards
	 * @param replicas replicas
	 * @param refreshInterval e.g. {@code 1s}, {@code 500ms}, {@code -1}
	 */
	public record IndexSettings(String shards, String replicas, String refreshInterval) {

		/**
		 * The refresh interval in milliseconds.
		 * @return milliseconds, or -1 when refreshes are off
		 */
		public long refreshIntervalMillis() {
			String value = this.refreshInterval.strip();
			if (value.startsWith("-")) {
				return -1;
			}
			int unit = 0;
			while (unit < value.length() && (Character.isDigit(value.charAt(unit)) || value.charAt(unit) == '.')) {
				unit++;
			}
			double amount = Double.parseDouble(value.substring(0, unit));
			Duration scale = switch (value.substring(unit)) {
				case "ms" -> Duration.ofMillis(1);
				case "s", "" -> Duration.ofSeconds(1);
				case "m" -> Duration.ofMinutes(1);
				case "h" -> Duration.ofHours(1);
				default -> throw new IllegalArgumentException("Unknown time unit in " + value);
			};
			return Math.round(amount * scale.toMillis());
		}

	}

}
