package newsroom.testkit.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of hostile input, shared by the services' fuzz tests: text that breaks
 * parsers and templates, JSON of every shape (also far too deep), invalid UTF-8, content
 * types and {@code Accept} headers nobody serves, query values and path segments in odd
 * encodings. Every generator is seeded through the property that uses it.
 */
public final class HostileValues {

	/** Strings that have broken parsers, templates, query languages and logs. */
	private static final List<String> NASTY = List.of("", " ", "\t\r\n", "\u0000", "\u0007\u001b[31m", "\u202Eevil",
			"\uFEFF", "\u200B", "😀🇺🇦", "\uD800", "\uDFFF", "null", "true", "0", "-1", "1e309", "NaN", "-Infinity",
			"99999999999999999999", "{max}", "{0}", "${jndi:ldap://127.0.0.1/a}", "#{1+1}", "%s%n%x",
			"<script>alert(1)</script>", "' OR 1=1 --", "\"", "\\", "%", "%00", "../../etc/passwd",
			"{\"query\":{\"match_all\":{}}}", "*", "?*", "~", "^5", "\"unterminated", "(((", "a OR", "-", "+", "|",
			"\\u0000", "\r\nX-Injected: 1", "Ünïcödé ñ 中文 العربية", "a".repeat(1001), "é".repeat(600));

	/** Byte sequences that are not UTF-8. */
	private static final List<byte[]> NOT_UTF8 = List.of(new byte[] { (byte) 0xC3, 0x28 },
			new byte[] { (byte) 0xFF, (byte) 0xFE }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
			new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 },
			new byte[] { (byte) 0xC0, (byte) 0xAF }, new byte[] { (byte) 0xE2, (byte) 0x82 }, new byte[] { 0 });

	private HostileValues() {
	}

	/**
	 * Short hostile text: nasty literals, any characters (controls and lone surrogates
	 * too), letters and numbers.
	 * @return the generator
	 */
	public static Arbitrary<String> text() {
		return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(NASTY)),
				Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
				Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars(" -_.").ofMaxLength(30)),
				Tuple.of(1, Arbitraries.longs().map(String::valueOf)));
	}

	/**
	 * Text far over any limit: 5,000 to 300,000 characters.
	 * @return the generator
	 */
	public static Arbitrary<String> hugeText() {
		return Arbitraries.of(5_000, 60_000, 300_000)
			.flatMap((length) -> Arbitraries.of("x", "word ", "é", "😀", "\u0000", "<p>")
				.map((unit) -> unit.repeat(Math.max(1, length / unit.length()))));
	}

	/**
	 * JSON of any shape nested up to a depth, valid or broken, with the given field names
	 * most of the time.
	 * @param depth how deep objects and arrays may nest
	 * @param fields field names to use
	 * @return the generator
	 */
	public static Arbitrary<String> json(int depth, List<String> fields) {
		Arbitrary<String> scalars = Arbitraries.oneOf(
				Arbitraries.of("null", "true", "false", "0", "-1", "1e309", "12345678901234567890123", "3.14", "\"\"",
						"-0.0e-999"),
				Arbitraries.integers().map(String::valueOf), text().map(HostileValues::quote),
				Arbitraries.of("{", "[", "]", "}", "\"unterminated", "{\"a\":}", "[1,,2]", "tru", "NaN", "'single'",
						"/* comment */ 1", "\"\\ud800\"", "\"\\u00\""));
		if (depth == 0) {
			return scalars;
		}
		Arbitrary<String> arrays = Arbitraries.lazy(() -> json(depth - 1, fields))
			.list()
			.ofMaxSize(4)
			.map((items) -> "[" + String.join(",", items) + "]");
		Arbitrary<String> objects = Combinators
			.combine(Arbitraries.oneOf(Arbitraries.of(fields), text()), Arbitraries.lazy(() -> json(depth - 1, fields)))
			.as((name, value) -> quote(name) + ":" + value)
			.list()
			.ofMaxSize(4)
			.map((entries) -> "{" + String.join(",", entries) + "}");
		return Arbitraries.oneOf(scalars, arrays, objects);
	}

	/**
	 * JSON objects with the given fields (some missing, some twice) holding values of
	 * every type, or the given plausible values.
	 * @param fields the request's field names
	 * @param plausible values (JSON text) that pass some checks
	 * @return the generator
	 */
	public static Arbitrary<String> jsonObjects(List<String> fields, Arbitrary<String> plausible) {
		Arbitrary<String> field = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(fields)), Tuple.of(1, text()));
		Arbitrary<String> entry = Combinators
			.combine(field, Arbitraries.frequencyOf(Tuple.of(2, json(2, fields)), Tuple.of(3, plausible)))
			.as((name, value) -> quote(name) + ": " + value);
		return entry.list().ofMaxSize(10).map((entries) -> "{" + String.join(", ", entries) + "}");
	}

	/**
	 * JSON nested deeper than any parser should follow: arrays or objects 600 to 100,000
	 * levels deep, closed or not.
	 * @return the generator
	 */
	public static Arbitrary<String> deepJson() {
		return Combinators
			.combine(Arbitraries.of(600, 5_000, 100_000), Arbitraries.of(true, false), Arbitraries.of(true, false))
			.as((depth, arrays, closed) -> arrays ? "[".repeat(depth) + (closed ? "]".repeat(depth) : "")
					: "{\"a\":".repeat(depth) + "1" + (closed ? "}".repeat(depth) : ""));
	}

	/**
	 * The given bodies with a byte sequence that is not UTF-8 in their middle.
	 * @param bodies the bodies
	 * @return the generator
	 */
	public static Arbitrary<byte[]> withInvalidUtf8(Arbitrary<String> bodies) {
		return Combinators.combine(bodies, Arbitraries.of(NOT_UTF8)).as((text, bad) -> {
			byte[] bytes = utf8(text);
			int at = bytes.length / 2;
			byte[] body = new byte[bytes.length + bad.length];
			System.arraycopy(bytes, 0, body, 0, at);
			System.arraycopy(bad, 0, body, at, bad.length);
			System.arraycopy(bytes, at, body, at + bad.length, bytes.length - at);
			return body;
		});
	}

	/**
	 * Random bytes, up to 2,000.
	 * @return the generator
	 */
	public static Arbitrary<byte[]> randomBytes() {
		return Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
	}

	/**
	 * Content types: the ones an endpoint takes most of the time, else wrong, malformed
	 * or absent ({@code null}) ones.
	 * @param accepted what the endpoint reads
	 * @return the generator
	 */
	public static Arbitrary<String> contentTypes(String... accepted) {
		return Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(accepted)), Tuple.of(1, Arbitraries.just(null)),
				Tuple.of(4,
						Arbitraries.of("text/plain", "application/xml", "text/html; charset=utf-8",
								"application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
								"application/json; charset=nonsense", "multipart/form-data; boundary=x",
								"application/x-www-form-urlencoded", "application/*", "*/*", "application/jsonl",
								"application/x-ndjson", "application/problem+json", "application/json;;;", "json", "/",
								"application/json; q=abc", "application/json, text/plain")),
				Tuple.of(1,
						Arbitraries.strings()
							.withCharRange('a', 'z')
							.ofMinLength(1)
							.ofMaxLength(12)
							.map((type) -> type + "/" + type)));
	}

	/**
	 * {@code Accept} headers: none ({@code null}) most of the time, else unusual or
	 * malformed ones.
	 * @return the generator
	 */
	public static Arbitrary<String> accepts() {
		return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(null)),
				Tuple.of(3,
						Arbitraries.of("*/*", "application/json", "text/html", "application/xml", "image/png",
								"application/problem+json", "text/*;q=0", ";;;", "application/json;q=abc", "garbage",
								"text/event-stream", "application/x-ndjson", "*/*;q=0", "a/b".repeat(500))));
	}

	/**
	 * Query parameter values as sent on the wire: hostile text percent-encoded, or
	 * encodings that decode to nothing sensible (a lone {@code %}, invalid UTF-8, NUL).
	 * @return the generator
	 */
	public static Arbitrary<String> queryValues() {
		return Arbitraries.frequencyOf(Tuple.of(8, text().map(HostileValues::encode)),
				Tuple.of(2, Arbitraries.of("%", "%G1", "%C3%28", "%FF%FE", "%00", "%ED%A0%80", "%C0%AF", "+", "%2B",
						"&", "=", "%26%3D", "%0D%0A", "%E2%82", "a%", "%%", "%u0041")));
	}

	/**
	 * Query strings (without the {@code ?}) of up to 12 parameters named mostly from the
	 * given names, repeats included, with hostile values; now and then a name without a
	 * value, an empty pair or a stray separator.
	 * @param names the parameter names an endpoint reads
	 * @return the generator
	 */
	public static Arbitrary<String> queryStrings(List<String> names) {
		return queryStrings(names.stream().collect(Collectors.toMap((name) -> name, (name) -> text())));
	}

	/**
	 * Query strings (without the {@code ?}) of up to 12 parameters named mostly from the
	 * given names, repeats included, each with a value that passes some checks (sent
	 * percent-encoded) or a hostile one; now and then a name without a value, an empty
	 * pair, a stray separator, or one parameter repeated hundreds of times.
	 * @param values plausible values (not encoded) by the parameter names an endpoint
	 * reads
	 * @return the generator
	 */
	public static Arbitrary<String> queryStrings(Map<String, Arbitrary<String>> values) {
		List<String> names = List.copyOf(new TreeMap<>(values).keySet());
		Arbitrary<String> known = Arbitraries.of(names)
			.flatMap((name) -> Arbitraries
				.frequencyOf(Tuple.of(2, values.get(name).map(HostileValues::encode)), Tuple.of(1, queryValues()))
				.map((value) -> name + "=" + value));
		Arbitrary<String> pair = Arbitraries.frequencyOf(Tuple.of(16, known),
				Tuple.of(1, Combinators.combine(queryValues(), queryValues()).as((key, value) -> key + "=" + value)),
				Tuple.of(1, Arbitraries.of(names)), Tuple.of(1, Arbitraries.of("", "=", "&", "==", "a=b=c")));
		Arbitrary<String> pairs = pair.list().ofMaxSize(12).map((list) -> String.join("&", list));
		Arbitrary<String> flood = Combinators.combine(known, Arbitraries.of(100, 600, 1_100))
			.as((one, times) -> String.join("&", Collections.nCopies(times, one)));
		return Arbitraries.frequencyOf(Tuple.of(40, pairs), Tuple.of(1, flood));
	}

	/**
	 * Path segments as sent on the wire, for ids: plausible ones, very long ones (past
	 * the 512 bytes an index id may hold, and past the server's header limit), encoded
	 * slashes and dots, matrix parameters, invalid encodings, control characters.
	 * @return the generator
	 */
	public static Arbitrary<String> pathSegments() {
		return Arbitraries.frequencyOf(
				Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars("-_").ofMinLength(1).ofMaxLength(40)),
				Tuple.of(3, text().map(HostileValues::encodePath)),
				Tuple.of(1, Arbitraries.of(300, 513, 2_000, 9_000).map("a"::repeat)),
				Tuple.of(1, Arbitraries.of(200, 1_000).map("%C3%A9"::repeat)),
				Tuple.of(3,
						Arbitraries.of("%2F", "a%2Fb", "%2f..%2f..%2fetc%2fpasswd", "..", "%2E%2E", ".", "%2e",
								"a;jsessionid=1", ";", "a;b=c", "%00", "a%00b", "%5C", "%25", "%", "%C3%28", "%FF",
								"%0A", "*", "_search", "_doc", "_all", "..%2F..%2F", "%7B%7D", "~", "$", "a b", "a\tb",
								"é", "%E2%80%AE", "con", "null", "-1", "0x7f", "a?b=c", "a#b", "%23", "%3F", "%2520")));
	}

	/**
	 * A string as a JSON string literal (controls escaped, everything else as it is).
	 * @param value the string
	 * @return the literal
	 */
	public static String quote(String value) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	/**
	 * Percent-encode for a query value (UTF-8, space as {@code +}).
	 * @param value the value
	 * @return the encoded value
	 */
	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Percent-encode for a path segment (space as {@code %20}).
	 * @param value the value
	 * @return the encoded segment
	 */
	public static String encodePath(String value) {
		return encode(value).replace("+", "%20");
	}

	/**
	 * UTF-8 bytes of a string.
	 * @param value the string
	 * @return its bytes
	 */
	public static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
