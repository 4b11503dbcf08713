package newsroom.search;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import newsroom.testkit.fuzz.FuzzRequest;
import newsroom.testkit.fuzz.HostileRequests;
import newsroom.testkit.fuzz.HostileValues;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile requests for each of search-service's endpoints, around a corpus of indexed
 * articles and their stories: their ids, entity names, tags and sources, and cursors that
 * real answers handed out, so that valid values reach Elasticsearch beside hostile ones.
 */
final class HostileSearchRequests {

	private static final JsonMapper json = JsonMapper.builder().build();

	static final List<String> SIZES = List.of("1", "5", "20", "50", "100", "101", "0", "-1", "2147483647", "2147483648",
			"99999999999999999999", "1e2", "5.0", "0x10", " 5 ", "+5", "-0", "\uff15", "٥", "");

	private static final List<String> DATES = List.of("2024-11-01", "2024-11-01T10:00:00Z", "1970-01-01", "2100-01-01",
			"2024-02-29", "2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "+999999999-12-31",
			"-999999999-01-01", "0000-01-01", "9999-12-31T23:59:59.999999999Z", "2024-11-01T10:00:00+14:00",
			"2024-11-01T10:00:00-18:00", "2024-11-01T10:00", "2024-11-01T25:00:00Z", "2024-W44", "2024-305", "now",
			"now-1d", "1730455200000", "292278994-08-17", "-292275055-05-16T16:47:04.192Z", " 2024-11-01 ");

	static final List<String> QUERIES = List.of("troops", "ferry council", "\"troops moved\"", "-troops",
			"troops OR ferry", "troops | ferry", "tro*", "*ops", "a*", "(troops", "troops)", "troops~2", "+troops",
			"ferry^5", "title:troops", "_exists_:title", "/regex.*/", "NOT", "AND", "OR", "\"", "\\", "~", "*", "**",
			"-", "|", "&&", "||", "a OR ".repeat(200) + "b", "troops ".repeat(300), "x".repeat(1001),
			"\"" + "troops ".repeat(150) + "\"", "é*", "北*", "😀", "{\"match_all\":{}}");

	private static final List<String> WINDOWS = List.of("P1D", "PT1H", "PT6H", "P7D", "P1W", "P2W", "P366D", "P367D",
			"PT59M", "PT0S", "P-1D", "-P1D", "P1000000D", "PT9999999999999H", "P1Y", "P1M", "1d", "P1DT", "PT1H30M",
			"p1d", "P52W", "P53W", "PT" + Long.MAX_VALUE + "S", "P2147483647D");

	private HostileSearchRequests() {
	}

	/**
	 * {@code GET /api/v1/search} with every parameter: valid values from the corpus,
	 * hostile ones, huge sizes, cursors real, altered, re-signed and foreign.
	 */
	static Arbitrary<FuzzRequest> searches(Corpus corpus) {
		return searches(corpus, corpus.pages(), Map.of());
	}

	/**
	 * {@code GET /api/v1/search?collapse=story} (mostly) with every other parameter, and
	 * cursors of collapsed searches as handed out, altered, re-signed and foreign.
	 */
	static Arbitrary<FuzzRequest> collapsedSearches(Corpus corpus) {
		Arbitrary<String> collapse = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("story")), Tuple.of(1,
				Arbitraries.of("", "STORY", " story ", "stories", "none", "story,story", "storyId", "source")));
		return searches(corpus, corpus.collapsedPages(), Map.of("collapse", collapse));
	}

	private static Arbitrary<FuzzRequest> searches(Corpus corpus, List<Page> pages,
			Map<String, Arbitrary<String>> more) {
		Map<String, Arbitrary<String>> values = new HashMap<>(Map.of("q", Arbitraries.oneOf(Arbitraries.of(QUERIES)),
				"entity", Arbitraries.of(corpus.entities()), "tag", Arbitraries.of(corpus.tags()), "source",
				Arbitraries.of(corpus.sources()), "language", Arbitraries.of("en", "de", "fr", "EN", "xx", "", "en-GB"),
				"from", Arbitraries.of(DATES), "to", Arbitraries.of(DATES), "sort",
				Arbitraries.of("relevance", "newest", "NEWEST", "oldest", "", " newest ", "relevance,newest"), "size",
				Arbitraries.of(SIZES), "cursor", cursorValues(pages)));
		values.putAll(more);
		Arbitrary<String> queries = HostileValues.queryStrings(values);
		if (more.containsKey("collapse")) {
			// Mostly collapsed first, so that the property is about collapsing; otherwise
			// whatever the generated collapse values say.
			queries = Arbitraries.frequencyOf(Tuple.of(3, queries.map((query) -> "collapse=story&" + query)),
					Tuple.of(1, queries));
		}
		Arbitrary<String> plain = HostileRequests.queried("/api/v1/search", queries);
		// A search that handed out a cursor, sent again with a variant of that cursor.
		Arbitrary<String> paged = Combinators
			.combine(Arbitraries.of(pages), Arbitraries.integers().between(0, 5), HostileValues.queryStrings(values),
					Arbitraries.integers())
			.as((page, kind, extra, seed) -> page.query() + "&cursor="
					+ HostileValues.encode(variant(corpus, pages, page, kind, seed))
					+ ((kind == 5) ? "&" + extra : ""));
		return HostileRequests.reads("GET", Arbitraries.frequencyOf(Tuple.of(3, plain),
				Tuple.of(2, paged.map((query) -> "/api/v1/search?" + query))));
	}

	/**
	 * {@code GET /api/v1/stories} with every parameter: the corpus's entities, tags and
	 * sources, hostile values, both orders, cursors as handed out, altered, re-signed,
	 * another listing's, and a search's.
	 */
	static Arbitrary<FuzzRequest> stories(Corpus corpus) {
		Map<String, Arbitrary<String>> values = Map.of("entity", Arbitraries.of(corpus.entities()), "tag",
				Arbitraries.of(corpus.tags()), "source", Arbitraries.of(corpus.sources()), "from",
				Arbitraries.of(DATES), "to", Arbitraries.of(DATES), "sort",
				Arbitraries.of("size", "newest", "SIZE", "relevance", "", " newest ", "size,newest"), "size",
				Arbitraries.of(SIZES), "cursor",
				Arbitraries.oneOf(cursorValues(corpus.storyPages()), cursorValues(corpus.pages())));
		Arbitrary<String> plain = HostileRequests.queried("/api/v1/stories", HostileValues.queryStrings(values));
		Arbitrary<String> paged = Combinators
			.combine(Arbitraries.of(corpus.storyPages()), Arbitraries.integers().between(0, 5),
					HostileValues.queryStrings(values), Arbitraries.integers())
			.as((page, kind, extra, seed) -> page.query() + "&cursor="
					+ HostileValues.encode(variant(corpus, corpus.storyPages(), page, kind, seed))
					+ ((kind == 5) ? "&" + extra : ""));
		return HostileRequests.reads("GET", Arbitraries.frequencyOf(Tuple.of(3, plain),
				Tuple.of(2, paged.map((query) -> "/api/v1/stories?" + query))));
	}

	/** {@code GET /api/v1/stories/{id}}: stories' ids among odd and overlong ones. */
	static Arbitrary<FuzzRequest> story(Corpus corpus) {
		Arbitrary<String> ids = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(corpus.stories())),
				Tuple.of(1, Arbitraries.of(corpus.ids())), Tuple.of(6, HostileValues.pathSegments()),
				Tuple.of(1, Arbitraries.of("_search", "_count", "_doc", "*", "_all", "%2A", "stories", "_mget")));
		Arbitrary<String> targets = Arbitraries.frequencyOf(Tuple.of(8, ids.map((id) -> "/api/v1/stories/" + id)),
				Tuple.of(1, Combinators.combine(ids, HostileValues.queryStrings(List.of("size", "cursor", "sort")))
					.as((id, query) -> "/api/v1/stories/" + id + "?" + query)));
		return HostileRequests.reads("GET", targets);
	}

	/** {@code GET /api/v1/articles/{id}}: indexed ids among odd and overlong ones. */
	static Arbitrary<FuzzRequest> articles(Corpus corpus) {
		return HostileRequests.reads("GET", ids(corpus).map((id) -> "/api/v1/articles/" + id));
	}

	/** {@code GET /api/v1/articles/{id}/related?size=}. */
	static Arbitrary<FuzzRequest> related(Corpus corpus) {
		Arbitrary<String> queries = HostileValues.queryStrings(Map.of("size", Arbitraries.of(SIZES)));
		return HostileRequests.reads("GET",
				Combinators.combine(ids(corpus), Arbitraries.oneOf(queries, Arbitraries.just("")))
					.as((id, query) -> "/api/v1/articles/" + id + "/related" + (query.isEmpty() ? "" : "?" + query)));
	}

	/** {@code GET /api/v1/suggest?prefix=&size=}. */
	static Arbitrary<FuzzRequest> suggestions(Corpus corpus) {
		Arbitrary<String> prefixes = Arbitraries.oneOf(
				Arbitraries.of(corpus.entities()).map((name) -> name.substring(0, Math.min(3, name.length()))),
				Arbitraries.of(corpus.entities()),
				Arbitraries.of("N", "no", "a".repeat(100), "a".repeat(101), "é".repeat(100), " ", "*", "\"", "\\"));
		Arbitrary<String> queries = HostileValues
			.queryStrings(Map.of("prefix", prefixes, "size", Arbitraries.of(SIZES)));
		return HostileRequests.reads("GET", HostileRequests.queried("/api/v1/suggest", queries));
	}

	/** {@code GET /api/v1/trends?window=&size=}. */
	static Arbitrary<FuzzRequest> trends() {
		Arbitrary<String> queries = HostileValues
			.queryStrings(Map.of("window", Arbitraries.of(WINDOWS), "size", Arbitraries.of(SIZES)));
		return HostileRequests.reads("GET", HostileRequests.queried("/api/v1/trends", queries));
	}

	/** The dashboard's files, and paths that try to climb out of them. */
	static Arbitrary<FuzzRequest> dashboard() {
		Arbitrary<String> files = Arbitraries.of("/", "/index.html", "/app.css", "/app.js", "/js/api.js",
				"/js/search.js", "/js/render.js", "/favicon.ico", "/js/", "/js", "/static/app.js", "/missing.html");
		Arbitrary<String> climbs = Arbitraries.of("/js/../app.js", "/js/%2e%2e/app.js", "/js/..%2Fapp.js",
				"/%2e%2e/%2e%2e/etc/passwd", "/js/%2e%2e/%2e%2e/application.yml", "/..;/application.yml",
				"/application.yml", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF",
				"/newsroom/search/SearchApplication.class", "/js/%c0%ae%c0%ae/app.js", "/js/..\\app.js",
				"/%5c..%5capp.js", "/index.html%00.js", "/app.js;x=1", "//app.js", "/./app.js", "/js/./api.js",
				"/INDEX.HTML");
		Arbitrary<String> targets = Arbitraries.frequencyOf(Tuple.of(4, files), Tuple.of(3, climbs),
				Tuple.of(2,
						Combinators.combine(files, HostileValues.queryStrings(List.of("q", "v", "article")))
							.as((file, query) -> file + "?" + query)),
				Tuple.of(2, HostileValues.pathSegments().map((segment) -> "/js/" + segment)),
				Tuple.of(1, HostileValues.pathSegments().map((segment) -> "/" + segment)));
		return HostileRequests.reads("GET", targets);
	}

	/** The OpenAPI description and Swagger UI. */
	static Arbitrary<FuzzRequest> apiDocs() {
		Arbitrary<String> paths = Arbitraries.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config",
				"/swagger-ui.html", "/swagger-ui/index.html", "/swagger-ui/swagger-ui.css",
				"/swagger-ui/swagger-initializer.js");
		Arbitrary<String> targets = Arbitraries.frequencyOf(Tuple.of(4, paths),
				Tuple.of(3,
						Combinators.combine(paths, HostileValues.queryStrings(List.of("group", "url", "configUrl")))
							.as((path, query) -> path + "?" + query)),
				Tuple.of(2, HostileValues.pathSegments().map((segment) -> "/v3/api-docs/" + segment)),
				Tuple.of(1, HostileValues.pathSegments().map((segment) -> "/swagger-ui/" + segment)));
		return HostileRequests.reads("GET", targets);
	}

	private static Arbitrary<String> ids(Corpus corpus) {
		return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(corpus.ids())),
				Tuple.of(6, HostileValues.pathSegments()), Tuple.of(1, Arbitraries.of("_search", "_count", "_doc", "*",
						"_all", "%2A", "news", "_mget", "..%2F_search", "a%2Fb")));
	}

	private static Arbitrary<String> cursorValues(List<Page> pages) {
		return Arbitraries.oneOf(Arbitraries.of(pages).map(Page::cursor),
				Arbitraries.of("", ".", "a.b", "x".repeat(3000), "e30.AAAA", "e30", "..", "a..b"),
				HostileValues.text());
	}

	/**
	 * A cursor for the page's search: as handed out, altered, cut short, another
	 * search's, or signed anew around sort values of the wrong type or size.
	 */
	private static String variant(Corpus corpus, List<Page> pages, Page page, int kind, int seed) {
		String cursor = page.cursor();
		return switch (kind) {
			case 0, 5 -> cursor;
			case 1 ->
				cursor.substring(0, cursor.length() / 2) + ((cursor.charAt(cursor.length() / 2) == 'A') ? 'B' : 'A')
						+ cursor.substring(cursor.length() / 2 + 1);
			case 2 -> cursor.substring(0, cursor.length() - 3);
			case 3 -> pages.get((pages.indexOf(page) + 1) % pages.size()).cursor();
			default -> resign(corpus.cursorSecret(), cursor, seed);
		};
	}

	/**
	 * The cursor's payload with its sort values replaced by hostile ones, signed with the
	 * service's secret: what a cursor that passes the signature but not Elasticsearch
	 * would look like.
	 */
	private static String resign(String secret, String cursor, int seed) {
		Base64.Decoder decoder = Base64.getUrlDecoder();
		ObjectNode payload = (ObjectNode) json.readTree(decoder.decode(cursor.substring(0, cursor.lastIndexOf('.'))));
		List<Object> values = List.of("not-a-number", Long.MAX_VALUE, Long.MIN_VALUE, Double.MAX_VALUE, -1e308, "",
				"x".repeat(1500), 0, "2024-11-01");
		payload.withArray("a").removeAll();
		int count = List.of("relevance", "size").contains(payload.path("s").asString()) ? 3 : 2;
		for (int i = 0; i < count; i++) {
			Object value = values.get(Math.floorMod(seed + i * 7, values.size()));
			if (value instanceof String text) {
				payload.withArray("a").add(text);
			}
			else if (value instanceof Long number) {
				payload.withArray("a").add(number);
			}
			else if (value instanceof Double number) {
				payload.withArray("a").add(number);
			}
			else {
				payload.withArray("a").add((Integer) value);
			}
		}
		byte[] bytes = json.writeValueAsBytes(payload);
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		return encoder.encodeToString(bytes) + "." + encoder.encodeToString(mac(secret, bytes));
	}

	private static byte[] mac(String secret, byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] full = mac.doFinal(payload);
			byte[] cut = new byte[16];
			System.arraycopy(full, 0, cut, 0, cut.length);
			return cut;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What is indexed, and the cursors real answers handed out.
	 *
	 * @param ids the articles' ids
	 * @param entities entity names they mention
	 * @param tags their tags
	 * @param sources their sources
	 * @param pages searches that handed out a cursor
	 * @param collapsedPages searches collapsed by story that handed out a cursor
	 * @param stories the ids of the stories
	 * @param storyPages stories listings that handed out a cursor
	 * @param cursorSecret the service's cursor secret
	 */
	record Corpus(List<String> ids, List<String> entities, List<String> tags, List<String> sources, List<Page> pages,
			List<Page> collapsedPages, List<String> stories, List<Page> storyPages, String cursorSecret) {
	}

	/**
	 * A search (its query string) and the {@code nextCursor} its answer handed out.
	 *
	 * @param query the query string, without the {@code ?}
	 * @param cursor the cursor
	 */
	record Page(String query, String cursor) {
	}

}
