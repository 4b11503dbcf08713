package newsroom.testkit.fuzz;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Whole hostile requests built from {@link HostileValues}: writes (a body to a path),
 * reads (a method and odd targets), and the operations endpoints every service exposes.
 * Each endpoint's own test says what its paths, query names and bodies are; the shape of
 * the attack (wrong methods, odd path suffixes, stray query strings, wrong and repeated
 * content types, unmeetable {@code Accept}, chunked and empty bodies) is the same for
 * all.
 */
public final class HostileRequests {

	/** Methods no endpoint of the API takes, besides the ones each endpoint refuses. */
	public static final List<String> WRONG_METHODS = List.of("PUT", "PATCH", "GET", "POST", "DELETE", "OPTIONS",
			"TRACE", "HEAD", "FOO");

	/** The Spring Boot Actuator endpoints the services expose. */
	public static final List<String> OPERATIONS_PATHS = List.of("/actuator", "/actuator/health",
			"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info", "/actuator/prometheus");

	private HostileRequests() {
	}

	/**
	 * Writes to one path: {@code POST} mostly, the path as it is mostly (else with a
	 * query string or an odd suffix), the given content types, any {@code Accept}, the
	 * given bodies, now and then a second, conflicting {@code Content-Type}.
	 * @param path the endpoint's path
	 * @param queryNames parameter names to put in stray query strings
	 * @param contentTypes {@code Content-Type} values, {@code null} for none
	 * @param bodies the bodies
	 * @return the generator
	 */
	public static Arbitrary<FuzzRequest> writes(String path, List<String> queryNames, Arbitrary<String> contentTypes,
			Arbitrary<Body> bodies) {
		Arbitrary<String> methods = Arbitraries.frequencyOf(Tuple.of(25, Arbitraries.just("POST")),
				Tuple.of(1, Arbitraries.of(WRONG_METHODS)));
		Arbitrary<String> targets = Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just(path)),
				Tuple.of(2, HostileValues.queryStrings(queryNames).map((query) -> path + "?" + query)),
				Tuple.of(1, oddVariants(path)));
		return Combinators
			.combine(methods, targets, contentTypes, HostileValues.accepts(), bodies,
					Arbitraries.integers().between(0, 4))
			.as((method, target, type, accept, body, extra) -> {
				FuzzRequest request = FuzzRequest.of(method, target)
					.withHeader("Content-Type", type)
					.withHeader("Accept", accept)
					.withBody(body.bytes(), body.chunked());
				return (extra == 0) ? request.withHeader("Content-Type", "text/plain") : request;
			});
	}

	/**
	 * Requests to the given targets: the method mostly, else a wrong one; any
	 * {@code Accept}; now and then a JSON body with a content type.
	 * @param method the endpoint's method
	 * @param targets the request targets
	 * @return the generator
	 */
	public static Arbitrary<FuzzRequest> reads(String method, Arbitrary<String> targets) {
		Arbitrary<String> methods = Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just(method)),
				Tuple.of(1, Arbitraries.of(WRONG_METHODS)));
		Arbitrary<byte[]> bodies = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(new byte[0])),
				Tuple.of(1, HostileValues.json(2, List.of("q", "size", "id")).map(HostileValues::utf8)));
		return Combinators
			.combine(methods, targets, HostileValues.contentTypes("application/json"), HostileValues.accepts(), bodies)
			.as((verb, target, type, accept, body) -> FuzzRequest.of(verb, target)
				.withHeader("Content-Type", (body.length > 0) ? type : null)
				.withHeader("Accept", accept)
				.withBody(body, false));
	}

	/**
	 * Targets for an endpoint that reads its query: the path with a query string of the
	 * given names mostly, else the bare path or an odd variant of it.
	 * @param path the endpoint's path
	 * @param queries query strings without the {@code ?}
	 * @return the generator
	 */
	public static Arbitrary<String> queried(String path, Arbitrary<String> queries) {
		return Arbitraries.frequencyOf(Tuple.of(16, queries.map((query) -> path + "?" + query)),
				Tuple.of(1, Arbitraries.just(path)), Tuple.of(1, oddVariants(path)));
	}

	/**
	 * Requests to the operations endpoints ({@link #OPERATIONS_PATHS}): odd sub-paths and
	 * query strings, wrong methods and {@code Accept} headers.
	 * @return the generator
	 */
	public static Arbitrary<FuzzRequest> operations() {
		Arbitrary<String> paths = Arbitraries.of(OPERATIONS_PATHS);
		Arbitrary<String> targets = Arbitraries.frequencyOf(Tuple.of(6, paths),
				Tuple.of(3,
						Combinators.combine(paths, HostileValues.queryStrings(List.of("group", "name", "format")))
							.as((path, query) -> path + "?" + query)),
				Tuple.of(3,
						Combinators.combine(paths, HostileValues.pathSegments())
							.as((path, segment) -> path + "/" + segment)),
				Tuple.of(1, paths.flatMap(HostileRequests::oddVariants)));
		return reads("GET", targets);
	}

	/**
	 * Bodies around the given JSON: the JSON itself mostly, else another JSON shape, JSON
	 * nested too deep, invalid UTF-8, random bytes, text, something huge, nothing; a
	 * quarter of them sent chunked.
	 * @param json the endpoint's JSON bodies
	 * @param fields the endpoint's field names, for JSON of other shapes
	 * @param huge bodies far over any limit
	 * @return the generator
	 */
	public static Arbitrary<Body> bodies(Arbitrary<String> json, List<String> fields, Arbitrary<String> huge) {
		Arbitrary<byte[]> bytes = Arbitraries.frequencyOf(Tuple.of(16, json.map(HostileValues::utf8)),
				Tuple.of(3, HostileValues.json(3, fields).map(HostileValues::utf8)),
				Tuple.of(1, HostileValues.deepJson().map(HostileValues::utf8)),
				Tuple.of(2, HostileValues.withInvalidUtf8(json)), Tuple.of(1, HostileValues.randomBytes()),
				Tuple.of(1, HostileValues.text().map(HostileValues::utf8)), Tuple.of(1, huge.map(HostileValues::utf8)),
				Tuple.of(1, Arbitraries.just(new byte[0])));
		return Combinators.combine(bytes, Arbitraries.of(true, false, false, false)).as(Body::new);
	}

	/**
	 * The path with a trailing slash, a matrix parameter, a dot segment, in capitals, a
	 * NUL, a doubled slash.
	 */
	private static Arbitrary<String> oddVariants(String path) {
		return Arbitraries.of(path + "/", path + ";a=b", path + "/..", path.toUpperCase(), path + "%00",
				path.replaceFirst("/", "//"), path + "/%2e%2e/%2e%2e", path + "%2F");
	}

	/**
	 * A request body.
	 *
	 * @param bytes what is sent
	 * @param chunked whether it goes chunked, without a length
	 */
	public record Body(byte[] bytes, boolean chunked) {
	}

}
