package newsroom.ingest.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import newsroom.ingest.IngestApplication;
import newsroom.ingest.fetch.HostResolver;
import newsroom.testkit.NewsroomServers;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: no malformed or random request to a write endpoint is answered with a 5xx. At
 * least 1,000 generated requests (random JSON shapes, wrong types, huge strings, invalid
 * UTF-8, random bytes, random content types) go to the real server on the real broker.
 * Names resolve (through a stub, never DNS) to a private address and only refused
 * literals are generated, so no request leaves the machine.
 */
class MalformedRequestsIntegrationTests {

	private static final List<String> PATHS = List.of("/api/v1/articles", "/api/v1/articles/batch", "/api/v1/fetch",
			"/api/v1/feeds");

	private static final List<String> FIELDS = List.of("url", "title", "text", "html", "source", "author",
			"publishedAt", "language", "pollInterval");

	private static ConfigurableApplicationContext context;

	private static HttpClient http;

	private static String baseUrl;

	@BeforeContainer
	static void start() {
		// Every one of the 1,200 requests must reach the handlers: a 429 from the rate
		// limit (tested on its own) would pass as "no 5xx" and test nothing.
		context = new SpringApplicationBuilder(IngestApplication.class, PrivateDns.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + NewsroomServers.kafka().bootstrapServers(),
				"--newsroom.ingest.feed.enabled=false", "--newsroom.ingest.fetch.connect-timeout=1s",
				"--newsroom.ingest.batch.max-body-size=8MB", "--newsroom.web.rate-limit.enabled=false",
				"--logging.level.newsroom=WARN");
		baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
		http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	@AfterContainer
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Property(tries = 1200, seed = "20241101")
	void neverAnswersAMalformedRequestWithA5xx(@ForAll("requests") FuzzRequest request)
			throws IOException, InterruptedException {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
			.timeout(Duration.ofSeconds(30));
		if (request.contentType() != null) {
			builder.header("Content-Type", request.contentType());
		}
		if (request.method().equals("DELETE")) {
			builder.DELETE();
		}
		else {
			builder.POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
		}

		HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());

		Statistics.collect(request.path().replaceAll("^/api/v1/feeds/.+$", "/api/v1/feeds/{id}"),
				response.statusCode());
		assertThat(response.statusCode())
			.as("%s %s (%s): %s", request.method(), request.path(), request.contentType(), response.body())
			.isLessThan(500);
	}

	@Provide
	Arbitrary<FuzzRequest> requests() {
		Arbitrary<String> paths = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, Arbitraries.of(PATHS)),
				net.jqwik.api.Tuple.of(1,
						Arbitraries.strings()
							.alpha()
							.numeric()
							.ofMinLength(6)
							.ofMaxLength(40)
							.map((id) -> "/api/v1/feeds/" + id)));
		Arbitrary<String> contentTypes = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(10, Arbitraries.just("application/json")),
				net.jqwik.api.Tuple.of(4, Arbitraries.just("application/x-ndjson")),
				net.jqwik.api.Tuple.of(1, Arbitraries.just(null)),
				net.jqwik.api.Tuple.of(3,
						Arbitraries.of("text/plain", "application/xml", "text/html; charset=utf-8",
								"application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
								"application/json; charset=nonsense", "multipart/form-data; boundary=x",
								"application/x-www-form-urlencoded", "application/*", "*/*", "application/jsonl")),
				net.jqwik.api.Tuple.of(1,
						Arbitraries.strings()
							.withCharRange('a', 'z')
							.ofMinLength(1)
							.ofMaxLength(12)
							.map((type) -> type + "/" + type)));
		Arbitrary<byte[]> bodies = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(8, jsonObjects().map(MalformedRequestsIntegrationTests::utf8)),
				net.jqwik.api.Tuple.of(4, json(3).map(MalformedRequestsIntegrationTests::utf8)),
				net.jqwik.api.Tuple.of(3, ndjson().map(MalformedRequestsIntegrationTests::utf8)),
				net.jqwik.api.Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(2000)),
				net.jqwik.api.Tuple.of(2, invalidUtf8()),
				net.jqwik.api.Tuple.of(2,
						Arbitraries.strings().ofMaxLength(300).map(MalformedRequestsIntegrationTests::utf8)),
				net.jqwik.api.Tuple.of(1, hugeString().map(MalformedRequestsIntegrationTests::utf8)));
		return Combinators.combine(paths, contentTypes, bodies)
			.as((path, type, body) -> new FuzzRequest(path.startsWith("/api/v1/feeds/") ? "DELETE" : "POST", path, type,
					body));
	}

	/** Objects with the API's field names holding values of every type. */
	private Arbitrary<String> jsonObjects() {
		Arbitrary<String> field = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, Arbitraries.of(FIELDS)),
				net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
		Arbitrary<String> entry = Combinators.combine(field, Arbitraries.oneOf(json(2), plausibleValues()))
			.as((name, value) -> quote(name) + ": " + value);
		return entry.list().ofMaxSize(8).map((entries) -> "{" + String.join(", ", entries) + "}");
	}

	/**
	 * Values that pass some checks: dates, URLs (names or refused addresses only), text.
	 */
	private Arbitrary<String> plausibleValues() {
		Arbitrary<String> urls = Arbitraries.oneOf(
				Arbitraries.strings()
					.withCharRange('a', 'z')
					.ofMinLength(1)
					.ofMaxLength(10)
					.map((host) -> "https://" + host + ".example/news/" + host),
				Arbitraries.of("http://127.0.0.1/", "http://[::1]:8080/x", "http://10.1.2.3/feed.xml",
						"http://169.254.169.254/latest/", "http://2130706433/", "file:///etc/passwd",
						"ftp://x.example/", "http://0x7f000001/", "http://localhost/", "javascript:alert(1)",
						"//no-scheme.example/", "http://[::ffff:127.0.0.1]/", "http://user:pw@x.example/",
						"http://x.example:99999/", "http://%zz/", "http://exa mple.example/"));
		return Arbitraries.oneOf(urls.map(MalformedRequestsIntegrationTests::quote),
				Arbitraries
					.of("2024-11-01T10:00:00Z", "2024-11-01", "yesterday", "PT5M", "PT0S", "P-1D", "en", "xx-YY", "",
							" ")
					.map(MalformedRequestsIntegrationTests::quote),
				Arbitraries.strings().ofMaxLength(200).map(MalformedRequestsIntegrationTests::quote),
				Arbitraries
					.of("<html><head><title>T</title></head><body><p>Text.</p></body></html>",
							"<p>only a paragraph</p>", "<html><script>x</script></html>", "<<<>>>")
					.map(MalformedRequestsIntegrationTests::quote));
	}

	/** Random JSON of any shape, nested up to a depth. */
	private Arbitrary<String> json(int depth) {
		Arbitrary<String> scalars = Arbitraries.oneOf(
				Arbitraries.of("null", "true", "false", "0", "-1", "1e309", "12345678901234567890123", "3.14", "\"\""),
				Arbitraries.integers().map(String::valueOf),
				Arbitraries.strings().ofMaxLength(40).map(MalformedRequestsIntegrationTests::quote),
				Arbitraries.of("{", "[", "]", "}", "\"unterminated", "{\"a\":}", "[1,,2]", "tru", "NaN", "'single'"));
		if (depth == 0) {
			return scalars;
		}
		Arbitrary<String> arrays = Arbitraries.lazy(() -> json(depth - 1))
			.list()
			.ofMaxSize(4)
			.map((items) -> "[" + String.join(",", items) + "]");
		Arbitrary<String> objects = Combinators
			.combine(Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(8)),
					Arbitraries.lazy(() -> json(depth - 1)))
			.as((name, value) -> quote(name) + ":" + value)
			.list()
			.ofMaxSize(4)
			.map((entries) -> "{" + String.join(",", entries) + "}");
		return Arbitraries.oneOf(scalars, arrays, objects);
	}

	private Arbitrary<String> ndjson() {
		return Arbitraries.oneOf(jsonObjects(), json(2), Arbitraries.strings().ofMaxLength(30))
			.list()
			.ofMaxSize(6)
			.map((lines) -> String.join("\n", lines));
	}

	private Arbitrary<byte[]> invalidUtf8() {
		return Combinators
			.combine(jsonObjects(), Arbitraries.of(new byte[] { (byte) 0xC3, 0x28 },
					new byte[] { (byte) 0xFF, (byte) 0xFE }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
					new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, new byte[] { 0 }))
			.as((json, bad) -> {
				byte[] text = utf8(json);
				int at = text.length / 2;
				byte[] body = new byte[text.length + bad.length];
				System.arraycopy(text, 0, body, 0, at);
				System.arraycopy(bad, 0, body, at, bad.length);
				System.arraycopy(text, at, body, at + bad.length, text.length - at);
				return body;
			});
	}

	/** A title or text far over the limits, or a string of 200,000 characters. */
	private Arbitrary<String> hugeString() {
		return Arbitraries.of(0, 1, 2, 3).map((kind) -> switch (kind) {
			case 0 -> "{\"title\": \"" + "T".repeat(5000) + "\", \"text\": \"x\"}";
			case 1 -> "{\"title\": \"Huge\", \"text\": \"" + "word ".repeat(40_000) + "\"}";
			case 2 -> "[" + "{\"title\": \"a\", \"text\": \"b\"},".repeat(2000) + "{}]";
			default -> "{\"url\": \"https://x.example/" + "a".repeat(3000) + "\"}";
		});
	}

	private static String quote(String value) {
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

	private static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * One generated request.
	 *
	 * @param method POST or DELETE
	 * @param path the path
	 * @param contentType the Content-Type, {@code null} for none
	 * @param body the body
	 */
	record FuzzRequest(String method, String path, String contentType, byte[] body) {

		@Override
		public String toString() {
			String text = new String(this.body, StandardCharsets.UTF_8);
			return this.method + " " + this.path + " [" + this.contentType + "] "
					+ ((text.length() > 300) ? text.substring(0, 300) + "…(" + this.body.length + " bytes)" : text);
		}

	}

	/** Every name resolves to a private address, which the guard refuses. */
	@Configuration(proxyBeanMethods = false)
	static class PrivateDns {

		@Bean
		@Primary
		HostResolver privateResolver() {
			return (host) -> new InetAddress[] { InetAddress.getByName("10.9.8.7") };
		}

	}

}
