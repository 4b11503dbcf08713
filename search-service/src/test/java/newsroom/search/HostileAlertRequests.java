package newsroom.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import newsroom.search.HostileSearchRequests.Corpus;
import newsroom.testkit.fuzz.FuzzRequest;
import newsroom.testkit.fuzz.HostileRequests;
import newsroom.testkit.fuzz.HostileValues;

import static newsroom.testkit.fuzz.HostileValues.quote;

/**
 * Hostile requests for search-service's alert endpoints: bodies for
 * {@code POST /api/v1/alerts} around the corpus's filter values (wrong JSON types per
 * field, huge strings, arrays of 10,000 items, duplicate keys, query texts of odd
 * operators, wildcards and quotes), and odd ids for the reads, deletions and matches. An
 * id that must exist when the request is sent cannot be known when it is generated: such
 * targets hold a placeholder that {@link AlertLedger} fills in then ({@value #LIVE} an
 * alert that exists, {@value #LIVE_ENCODED} the same with every character
 * percent-encoded, {@value #LIVE_UPPER} the same in capitals, {@value #STANDING} the
 * alert whose matches the corpus made).
 */
final class HostileAlertRequests {

	static final String ALERTS = "/api/v1/alerts";

	static final String LIVE = "{live}";

	static final String LIVE_ENCODED = "{live%}";

	static final String LIVE_UPPER = "{LIVE}";

	static final String STANDING = "{standing}";

	static final List<String> FIELDS = List.of("name", "q", "entity", "tag", "source", "language");

	/** Query texts beyond the search's: unbalanced, empty, escaped, long, odd letters. */
	private static final List<String> QUERIES = List.of("(((troops", "troops)))", "\"unterminated", "\"\"",
			"troops \"ferry", "OR OR OR", "troops AND OR ferry", "a|b|c", "+-+-", "--troops", "-(troops)", "\\*",
			"troops\\", "\\\"", "tro?ps", "???", "*?*", "NOT troops", "troops NOT ferry", "troops~",
			"troops~99999999999999", "\"troops moved\"~99999999999", "(".repeat(400) + "troops" + ")".repeat(400),
			"(".repeat(999) + "x", "*".repeat(1000), "tro* ".repeat(200), "a* ".repeat(250),
			"\"" + "x ".repeat(499) + "\"", "🇺🇦*", "İstanbul*", "ß*", "ǅ", "\u0000troops", "troops\u0007",
			"\u202Etroops", "\uFEFFtroops", "troops\r\nferry", "\ttroops\t", "troops" + "\u0301".repeat(50),
			"troops | | ferry", "(troops | ferry) -(council)", "𝔱𝔯𝔬𝔬𝔭𝔰");

	private static final List<String> NOT_STRINGS = List.of("null", "5", "-1.5e300", "true", "[]", "{}", "[\"a\"]",
			"{\"q\": \"troops\"}");

	private HostileAlertRequests() {
	}

	/**
	 * {@code POST /api/v1/alerts}: whole alerts, most of them valid, with a hostile value
	 * now and then; JSON objects of any fields; and the shared hostile bodies, content
	 * types, methods and paths.
	 */
	static Arbitrary<FuzzRequest> creations(Corpus corpus) {
		Arbitrary<String> whole = Combinators
			.combine(names().injectNull(0.05), queries().injectNull(0.4), filters(corpus.entities()).injectNull(0.6),
					filters(corpus.tags()).injectNull(0.6), filters(corpus.sources()).injectNull(0.6),
					languages().injectNull(0.7), Arbitraries.integers().between(0, 9))
			.as((name, q, entity, tag, source, language, repeat) -> {
				List<String> values = Arrays.asList(name, q, entity, tag, source, language);
				List<String> entries = new ArrayList<>();
				for (int i = 0; i < FIELDS.size(); i++) {
					if (values.get(i) != null) {
						entries.add(quote(FIELDS.get(i)) + ": " + values.get(i));
					}
				}
				// A key twice: the second value is the one read.
				if (repeat < FIELDS.size() && !entries.isEmpty()) {
					entries.add(entries.get(repeat % entries.size()).replaceFirst("(?s):.*", ": \"troops\""));
				}
				return "{" + String.join(", ", entries) + "}";
			});
		Arbitrary<String> values = Arbitraries.oneOf(names(), queries(), filters(corpus.entities()), languages());
		Arbitrary<String> json = Arbitraries.frequencyOf(Tuple.of(4, whole),
				Tuple.of(1, HostileValues.jsonObjects(FIELDS, values)));
		return HostileRequests.writes(ALERTS, FIELDS, HostileValues.contentTypes("application/json"),
				HostileRequests.bodies(json, FIELDS, huge()));
	}

	/** {@code GET /api/v1/alerts} and {@code /api/v1/alerts/{id}}. */
	static Arbitrary<FuzzRequest> reads(List<String> goneIds) {
		Arbitrary<String> targets = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(ALERTS)),
				Tuple.of(2,
						HostileValues.queryStrings(List.of("id", "name", "size", "q"))
							.map((query) -> ALERTS + "?" + query)),
				Tuple.of(3, live().map((id) -> ALERTS + "/" + id)),
				Tuple.of(1, Arbitraries.of(goneIds).map((id) -> ALERTS + "/" + id)),
				Tuple.of(4, HostileValues.pathSegments().map((id) -> ALERTS + "/" + id)), Tuple.of(1, oddPaths()));
		return HostileRequests.reads("GET", targets);
	}

	/**
	 * {@code DELETE /api/v1/alerts/{id}}: alerts that exist among gone, odd and overlong
	 * ids.
	 */
	static Arbitrary<FuzzRequest> deletions(List<String> goneIds) {
		Arbitrary<String> targets = Arbitraries.frequencyOf(Tuple.of(5, live().map((id) -> ALERTS + "/" + id)),
				Tuple.of(2, Arbitraries.of(goneIds).map((id) -> ALERTS + "/" + id)),
				Tuple.of(5, HostileValues.pathSegments().map((id) -> ALERTS + "/" + id)), Tuple.of(1, oddPaths()),
				Tuple.of(1, Arbitraries.of(LIVE + "/matches", LIVE + "?id=" + LIVE, STANDING + "/matches")
					.map((path) -> ALERTS + "/" + path)));
		return HostileRequests.reads("DELETE", targets);
	}

	/** {@code GET /api/v1/alerts/{id}/matches?size=}. */
	static Arbitrary<FuzzRequest> matchReads(List<String> goneIds) {
		Arbitrary<String> ids = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(STANDING)), Tuple.of(2, live()),
				Tuple.of(1, Arbitraries.of(goneIds)), Tuple.of(4, HostileValues.pathSegments()));
		Arbitrary<String> queries = HostileValues
			.queryStrings(Map.of("size", Arbitraries.of(HostileSearchRequests.SIZES)));
		Arbitrary<String> targets = Arbitraries.frequencyOf(
				Tuple.of(10,
						Combinators.combine(ids, Arbitraries.oneOf(queries, Arbitraries.just("")))
							.as((id, query) -> ALERTS + "/" + id + "/matches" + (query.isEmpty() ? "" : "?" + query))),
				Tuple.of(1,
						Arbitraries
							.of("/matches/", "/MATCHES", "/matches/x", "/matches;size=5", "/matches%00", "//matches",
									"/matches?size=5&size=6")
							.map((suffix) -> ALERTS + "/" + STANDING + suffix)));
		return HostileRequests.reads("GET", targets);
	}

	/** An alert that exists: as it is, encoded, in capitals, with odd suffixes. */
	private static Arbitrary<String> live() {
		return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(LIVE)),
				Tuple.of(2, Arbitraries.of(LIVE_ENCODED, LIVE_UPPER)), Tuple.of(2, Arbitraries.of(LIVE + ";a=b",
						LIVE + "/", LIVE + "%20", LIVE + "%00", LIVE + "/..", LIVE + "/x", " " + LIVE, LIVE + "?x=1")));
	}

	private static Arbitrary<String> oddPaths() {
		return Arbitraries.of("/api/v1/alerts/", "/api/v1//alerts", "/api/v1/alerts/a/b", "/API/V1/ALERTS",
				"/api/v1/alerts;x=1", "/api/v1/alerts/%2e", "/api/v1/alerts/%2e%2e", "/api/v1/alerts?id=1&id=2",
				"/api/v1/alerts/%2F", "/api/v1/alerts/*");
	}

	private static Arbitrary<String> names() {
		return Arbitraries.frequencyOf(
				Tuple.of(8,
						Arbitraries
							.of("Ferries", "Troops desk", "Zoë Ñúñez watch", "  padded  ", "AT&T \"Labs\"",
									"<script>alert(1)</script>", "x".repeat(200))
							.map(HostileValues::quote)),
				Tuple.of(2, HostileValues.text().map(HostileValues::quote)),
				// Escaped lone surrogates: Jackson reads them into strings UTF-8 cannot
				// hold.
				Tuple.of(1,
						Arbitraries.of("\"\"", "\"   \"", "\"\\u0000\"", "\"\\ud800\"", "\"Ferries \\udfff\"",
								"\"\\ud83d\\ude00 watch\"", quote("x".repeat(201)))),
				Tuple.of(1, Arbitraries.of(NOT_STRINGS)));
	}

	private static Arbitrary<String> queries() {
		return Arbitraries.frequencyOf(
				Tuple.of(8,
						Arbitraries.of(Stream.concat(HostileSearchRequests.QUERIES.stream(), QUERIES.stream()).toList())
							.map(HostileValues::quote)),
				Tuple.of(2, HostileValues.text().map(HostileValues::quote)),
				Tuple.of(1, Arbitraries.of("\"troops \\ud800\"", "\"\\udfff*\"", "\"\\ud800\\ud800 ferry\"")),
				Tuple.of(1, Arbitraries.of(NOT_STRINGS)));
	}

	/**
	 * Arrays of filter values: the corpus's, hostile ones, too many, too long, not
	 * strings.
	 */
	private static Arbitrary<String> filters(List<String> known) {
		Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(known)),
				Tuple.of(1, HostileValues.text()));
		Arbitrary<String> arrays = value.map(HostileValues::quote)
			.list()
			.ofMaxSize(5)
			.map((items) -> "[" + String.join(", ", items) + "]");
		return Arbitraries.frequencyOf(Tuple.of(12, arrays),
				Tuple.of(1, value.list().ofMinSize(21).ofMaxSize(25).map(HostileAlertRequests::array)),
				Tuple.of(1,
						Arbitraries.of("[1, null, true]", "[[\"a\"]]", "[{\"a\": 1}]", "[null]", "[\"\", \" \"]",
								"[\"\\ud800\"]", array(List.of("a".repeat(257))), array(List.of("é".repeat(300))))),
				Tuple.of(1, value.map(HostileValues::quote)), Tuple.of(1, Arbitraries.of(NOT_STRINGS)));
	}

	private static Arbitrary<String> languages() {
		return Arbitraries.frequencyOf(
				Tuple.of(6,
						Arbitraries.of("en", "de", "fr", "EN", "xx", "", "  ", "en-GB", "x".repeat(16), "x".repeat(17))
							.map(HostileValues::quote)),
				Tuple.of(1, HostileValues.text().map(HostileValues::quote)), Tuple.of(1, Arbitraries.of(NOT_STRINGS)));
	}

	/**
	 * Bodies far over any limit: a huge name or text, arrays of 10,000 items, a key
	 * 10,000 times.
	 */
	private static Arbitrary<String> huge() {
		String items = String.join(", ", Collections.nCopies(10_000, "\"troops\""));
		String numbers = Stream.iterate(0, (i) -> i + 1)
			.limit(10_000)
			.map(String::valueOf)
			.collect(Collectors.joining(","));
		return Arbitraries.frequencyOf(
				Tuple.of(2,
						Combinators.combine(Arbitraries.of("name", "q", "language"), HostileValues.hugeText())
							.as((field, text) -> "{\"name\": \"Huge\", " + quote(field) + ": " + quote(text) + "}")),
				Tuple.of(2,
						Arbitraries.of("entity", "tag", "source")
							.map((field) -> "{\"name\": \"Many\", " + quote(field) + ": [" + items + "]}")),
				Tuple.of(1, Arbitraries.just("{\"name\": \"Numbers\", \"tag\": [" + numbers + "]}")),
				Tuple.of(1, Arbitraries.just("{" + "\"name\": \"Again\", ".repeat(10_000) + "\"q\": \"troops\"}")));
	}

	private static String array(List<String> values) {
		return values.stream().map(HostileValues::quote).collect(Collectors.joining(", ", "[", "]"));
	}

}
