package newsroom.bench.pipeline.load;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The search the dashboard page sends ({@code app.js}: {@code q} and {@code size=20}),
 * which search-service answers with hits, highlights, four facets and a daily histogram;
 * and the same search as search-service puts it to Elasticsearch
 * ({@code newsroom.search.query.SearchService}), to send there directly.
 *
 * @param text the words in the search box: plain words, which search-service's query
 * parser passes on unchanged
 */
public record DashboardQuery(String text) {

	/** The dashboard's page size. */
	static final int PAGE_SIZE = 20;

	/** search-service's facet size ({@code newsroom.search.query.facet-size}). */
	private static final int FACET_SIZE = 10;

	/**
	 * The request to search-service.
	 * @param search search-service's address
	 * @return {@code /api/v1/search?q=…&size=20}
	 */
	public URI serviceUri(URI search) {
		return search
			.resolve("/api/v1/search?q=" + URLEncoder.encode(this.text, StandardCharsets.UTF_8) + "&size=" + PAGE_SIZE);
	}

	/**
	 * The body of the equivalent {@code POST /news/_search}: the same query, sort, source
	 * filter, aggregations and highlighting, one hit more than the page (search-service
	 * asks for it to know whether there is a next page).
	 * @return the JSON body
	 */
	public String elasticsearchBody() {
		ObjectNode body = Http.JSON.createObjectNode();
		body.put("timeout", "5000ms");
		ObjectNode text = body.putObject("query")
			.putObject("bool")
			.putArray("must")
			.addObject()
			.putObject("simple_query_string");
		text.put("query", this.text);
		text.putArray("fields").add("title^3").add("summary").add("text").add("entities.name.text");
		text.put("default_operator", "and");
		text.put("flags", "AND|OR|NOT|PHRASE|PRECEDENCE|PREFIX|WHITESPACE|ESCAPE");
		body.put("size", PAGE_SIZE + 1);
		body.put("track_total_hits", true);
		body.put("track_scores", true);
		ArrayNode includes = body.putObject("_source").putArray("includes");
		for (String field : new String[] { "id", "url", "title", "source", "author", "publishedAt", "language",
				"summary", "tags", "entities.name", "entities.type" }) {
			includes.add(field);
		}
		ArrayNode sort = body.putArray("sort");
		sort.addObject().putObject("_score").put("order", "desc");
		sort.addObject().putObject("publishedAt").put("order", "desc").put("missing", "_last");
		sort.addObject().putObject("id").put("order", "asc");
		aggregations(body.putObject("aggs"));
		ObjectNode highlight = body.putObject("highlight");
		highlight.put("encoder", "html");
		highlight.putArray("pre_tags").add("<em>");
		highlight.putArray("post_tags").add("</em>");
		ObjectNode fields = highlight.putObject("fields");
		fields.putObject("title").put("number_of_fragments", 0);
		fields.putObject("text").put("fragment_size", 160).put("number_of_fragments", 3);
		return body.toString();
	}

	private static void aggregations(ObjectNode aggs) {
		terms(aggs, "tags", "tags", FACET_SIZE);
		terms(aggs, "sources", "source", FACET_SIZE);
		terms(aggs, "languages", "language", FACET_SIZE);
		ObjectNode entities = aggs.putObject("entities");
		entities.putObject("nested").put("path", "entities");
		ObjectNode types = terms(entities.putObject("aggs"), "types", "entities.type", 3);
		ObjectNode names = terms(types.putObject("aggs"), "names", "entities.name", FACET_SIZE);
		names.putObject("aggs").putObject("articles").putObject("reverse_nested");
		aggs.putObject("histogram")
			.putObject("date_histogram")
			.put("field", "publishedAt")
			.put("calendar_interval", "day")
			.put("format", "yyyy-MM-dd")
			.put("time_zone", "UTC")
			.put("min_doc_count", 1);
	}

	private static ObjectNode terms(ObjectNode aggs, String name, String field, int size) {
		ObjectNode aggregation = aggs.putObject(name);
		aggregation.putObject("terms").put("field", field).put("size", size);
		return aggregation;
	}

}
