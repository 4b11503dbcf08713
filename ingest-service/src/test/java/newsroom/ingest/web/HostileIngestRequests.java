package newsroom.ingest.web;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import newsroom.testkit.fuzz.FuzzRequest;
import newsroom.testkit.fuzz.HostileRequests;
import newsroom.testkit.fuzz.HostileValues;

import static newsroom.testkit.fuzz.HostileValues.quote;

/**
 * Hostile requests for each of ingest-service's endpoints. URLs name hosts that the
 * test's resolver maps to a private address, or refused literals, so no request makes the
 * service reach beyond the machine; only feed registrations may name
 * {@value #ALLOWED_FEED_HOST}, which is allow-listed but never polled.
 */
final class HostileIngestRequests {

	/** Allow-listed for feed registrations; the scheduler is off, so never fetched. */
	static final String ALLOWED_FEED_HOST = "feeds.example";

	static final List<String> ARTICLE_FIELDS = List.of("url", "title", "text", "html", "source", "author",
			"publishedAt", "language");

	private static final List<String> FEED_FIELDS = List.of("url", "pollInterval", "source");

	private static final String FEEDS = "/api/v1/feeds";

	private HostileIngestRequests() {
	}

	static Arbitrary<FuzzRequest> articles() {
		// Whole articles now and then: hostile values in every field of one that may
		// pass.
		Arbitrary<String> dates = Arbitraries.frequencyOf(
				Tuple.of(3, Arbitraries.of("null", "\"2024-11-01T10:00:00Z\"", "\"2024-11-01\"")),
				Tuple.of(1, articleValues()));
		Arbitrary<String> languages = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("null", "\"en\"", "\"de\"")),
				Tuple.of(1, articleValues()));
		Arbitrary<String> whole = Combinators
			.combine(articleValues(), articleValues(), articleValues(), dates, languages)
			.as((title, text, source, published, language) -> "{\"title\": " + title + ", \"text\": " + text
					+ ", \"source\": " + source + ", \"publishedAt\": " + published + ", \"language\": " + language
					+ "}");
		Arbitrary<String> json = Arbitraries
			.frequencyOf(Tuple.of(2, HostileValues.jsonObjects(ARTICLE_FIELDS, articleValues())), Tuple.of(1, whole));
		return writes("/api/v1/articles", HostileValues.contentTypes("application/json"), bodies(json, false));
	}

	static Arbitrary<FuzzRequest> batchArrays() {
		Arbitrary<String> arrays = HostileValues.jsonObjects(ARTICLE_FIELDS, articleValues())
			.list()
			.ofMaxSize(20)
			.map((items) -> "[" + String.join(",", items) + "]");
		return writes("/api/v1/articles/batch", HostileValues.contentTypes("application/json"), bodies(arrays, true));
	}

	static Arbitrary<FuzzRequest> batchLines() {
		Arbitrary<String> line = Arbitraries.frequencyOf(
				Tuple.of(6, HostileValues.jsonObjects(ARTICLE_FIELDS, articleValues())),
				Tuple.of(2, HostileValues.json(2, ARTICLE_FIELDS)), Tuple.of(2, HostileValues.text()),
				Tuple.of(1, Arbitraries.just("")));
		Arbitrary<String> lines = Combinators
			.combine(line.list().ofMaxSize(20), Arbitraries.of("\n", "\r\n", "\r", "\n\n"), Arbitraries.of("", "\n"))
			.as((items, separator, end) -> String.join(separator, items) + end);
		return writes("/api/v1/articles/batch",
				HostileValues.contentTypes("application/x-ndjson", "application/jsonl", "application/x-jsonlines"),
				bodies(lines, true));
	}

	static Arbitrary<FuzzRequest> fetches() {
		Arbitrary<String> bodies = HostileValues.jsonObjects(List.of("url"),
				Arbitraries.oneOf(refusedUrls(), namedUrls(), longUrls()).map(HostileValues::quote));
		return writes("/api/v1/fetch", HostileValues.contentTypes("application/json"), bodies(bodies, false));
	}

	static Arbitrary<FuzzRequest> feedRegistrations() {
		Arbitrary<String> values = Arbitraries
			.oneOf(refusedUrls(), namedUrls(), allowedFeedUrls(),
					Arbitraries.of("PT5M", "PT1M", "PT0S", "PT-5M", "P-1D", "PT1S", "P999999999D", "PT99999999999H",
							"5m", "P1M", "PT0.001S", "p1d", "eastside", ""))
			.map(HostileValues::quote);
		return writes(FEEDS, HostileValues.contentTypes("application/json"),
				bodies(HostileValues.jsonObjects(FEED_FIELDS, values), false));
	}

	/**
	 * {@code GET /api/v1/feeds} and {@code /api/v1/feeds/{id}}: odd paths and query
	 * strings, registered ids, any {@code Accept}, now and then a body.
	 */
	static Arbitrary<FuzzRequest> feedReads(List<String> registeredIds) {
		Arbitrary<String> targets = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(FEEDS)),
				Tuple.of(2,
						HostileValues.queryStrings(List.of("id", "url", "page", "size"))
							.map((query) -> FEEDS + "?" + query)),
				Tuple.of(4, HostileValues.pathSegments().map((id) -> FEEDS + "/" + id)),
				Tuple.of(2, Arbitraries.of(registeredIds).map((id) -> FEEDS + "/" + id)),
				Tuple.of(1, Arbitraries.of("/api/v1/feeds/", "/api/v1//feeds", "/api/v1/feeds/a/b", "/API/V1/FEEDS",
						"/api/v1/feeds;x=1", "/api/v1/feeds/%2e", "/api/v1/feeds?id=1&id=2")));
		return HostileRequests.reads("GET", targets);
	}

	/** {@code DELETE /api/v1/feeds/{id}}: registered ids among odd and overlong ones. */
	static Arbitrary<FuzzRequest> feedDeletions(List<String> registeredIds) {
		Arbitrary<String> targets = Arbitraries.frequencyOf(
				Tuple.of(6, HostileValues.pathSegments().map((id) -> FEEDS + "/" + id)),
				Tuple.of(2, Arbitraries.of(registeredIds).map((id) -> FEEDS + "/" + id)),
				Tuple.of(1, Arbitraries.of(FEEDS, "/api/v1/feeds/", "/api/v1/feeds/a/b")));
		return HostileRequests.reads("DELETE", targets);
	}

	private static Arbitrary<FuzzRequest> writes(String path, Arbitrary<String> contentTypes,
			Arbitrary<HostileRequests.Body> bodies) {
		return HostileRequests.writes(path, List.of("url", "title", "source"), contentTypes, bodies);
	}

	/**
	 * {@link HostileRequests#bodies} of articles, with a huge text in one or in a batch.
	 */
	private static Arbitrary<HostileRequests.Body> bodies(Arbitrary<String> json, boolean batch) {
		Arbitrary<String> huge = HostileValues.hugeText()
			.map((text) -> batch ? "[{\"title\": \"Huge\", \"text\": " + quote(text) + "}]"
					: "{\"title\": \"Huge\", \"text\": " + quote(text) + "}");
		return HostileRequests.bodies(json, ARTICLE_FIELDS, huge);
	}

	/** Article field values that pass some checks: dates, URLs, languages, HTML, text. */
	private static Arbitrary<String> articleValues() {
		return Arbitraries.oneOf(Arbitraries.oneOf(refusedUrls(), namedUrls()).map(HostileValues::quote),
				Arbitraries
					.of("2024-11-01T10:00:00Z", "2024-11-01", "yesterday", "+999999999-12-31T23:59:59Z",
							"2024-13-45T25:61:61Z", "-0001-01-01T00:00:00Z", "en", "xx-YY", "EN", "zh-Hant-TW", "", " ",
							"Ferry crews in Valmora strike", "The council met on Monday. It voted.")
					.map(HostileValues::quote),
				HostileValues.text().map(HostileValues::quote),
				Arbitraries
					.of("<html><head><title>T</title></head><body><p>Text.</p></body></html>",
							"<p>only a paragraph</p>", "<html><script>x</script></html>", "<<<>>>",
							"<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><p>&e;</p>",
							"<html>" + "<div>".repeat(3000) + "deep</html>")
					.map(HostileValues::quote));
	}

	/** Literals the SSRF guard refuses, and URLs that are not http(s) at all. */
	private static Arbitrary<String> refusedUrls() {
		return Arbitraries.of("http://127.0.0.1/", "http://[::1]:8080/x", "http://10.1.2.3/feed.xml",
				"http://169.254.169.254/latest/", "http://2130706433/", "file:///etc/passwd", "ftp://x.example/",
				"http://0x7f000001/", "http://localhost/", "javascript:alert(1)", "//no-scheme.example/",
				"http://[::ffff:127.0.0.1]/", "http://user:pw@x.example/", "http://x.example:99999/", "http://%zz/",
				"http://exa mple.example/", "http://[::1", "http://:80/", "http://a..b/", "http:", "http://",
				"https://xn--nxasmq6b.example/", "http://ドメイン.example/", "http://127.1/", "http://0/",
				"gopher://127.0.0.1:25/", "HTTP://LOCALHOST./", "http://[fd00:ec2::254]/");
	}

	/** Names, which the test's resolver maps to a private address. */
	private static Arbitrary<String> namedUrls() {
		return Arbitraries.strings()
			.withCharRange('a', 'z')
			.ofMinLength(1)
			.ofMaxLength(10)
			.map((host) -> "https://" + host + ".example/news/" + host);
	}

	private static Arbitrary<String> longUrls() {
		return Arbitraries.of(2_000, 2_049, 70_000).map((length) -> "https://x.example/" + "a".repeat(length));
	}

	private static Arbitrary<String> allowedFeedUrls() {
		return Arbitraries.strings()
			.alpha()
			.numeric()
			.ofMinLength(1)
			.ofMaxLength(12)
			.map((name) -> "https://" + ALLOWED_FEED_HOST + "/" + name + ".xml");
	}

}
