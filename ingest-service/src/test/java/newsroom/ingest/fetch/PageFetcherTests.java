package newsroom.ingest.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsroom.ingest.FixtureServer;
import newsroom.ingest.FixtureServer.Reply;
import newsroom.ingest.config.IngestProperties;
import newsroom.ingest.config.IngestProperties.FetchSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fetcher against a local fixture server on 127.0.0.1, reached through the
 * allow-listed name {@code fixture.test} (a stub resolver, no DNS): limits, redirects,
 * content types, conditional requests. Refused targets never reach the server.
 */
class PageFetcherTests {

	private static final String HTML = "text/html; charset=utf-8";

	private final FixtureServer server = FixtureServer.start();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final PageFetcher fetcher = new PageFetcher(
			new TargetGuard(PageFetcherTests::resolve, properties(List.of("fixture.test"))),
			properties(List.of("fixture.test")), this.meters);

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stop() throws Exception {
		this.release.countDown();
		this.fetcher.destroy();
		this.server.close();
	}

	@Test
	void fetchesAnAllowListedPageWithTheProductUserAgent() throws Exception {
		this.server.serve("/story", HTML, "<html><body><p>Hello</p></body></html>");

		FetchedResponse page = this.fetcher.fetchPage(url("/story"));

		assertThat(page.notModified()).isFalse();
		assertThat(page.mediaType()).isEqualTo("text/html");
		assertThat(page.charset()).contains(StandardCharsets.UTF_8);
		assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<p>Hello</p>");
		assertThat(this.server.log("/story")).singleElement()
			.satisfies((exchange) -> assertThat(exchange.request().header("User-Agent"))
				.isEqualTo("Newsroom/0.1 (+https://github.com/newsroom)"));
		assertThat(this.meters.get(PageFetcher.TIMER).tags("kind", "page", "outcome", "ok").timer().count())
			.isEqualTo(1);
	}

	@Test
	void followsUpToFiveRedirectsAndNoMore() throws Exception {
		for (int i = 0; i < 6; i++) {
			this.server.route("/hop" + i,
					(request) -> Reply.redirect(302, "/hop" + (Integer.parseInt(request.path().substring(4)) + 1)));
		}
		this.server.serve("/hop6", HTML, "<p>end</p>");
		this.server.route("/five", (request) -> Reply.redirect(301, url("/hop2").toString()));

		assertThat(this.fetcher.fetchPage(url("/five")).url()).isEqualTo(url("/hop6"));
		assertThatExceptionOfType(FetchFailedException.class).isThrownBy(() -> this.fetcher.fetchPage(url("/hop0")))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(FetchFailedException.Reason.REDIRECTS));
	}

	@Test
	void refusesARedirectToLoopbackBeforeConnecting() {
		int port = this.server.port();
		this.server.route("/to-loopback", (request) -> Reply.redirect(302, "http://127.0.0.1:" + port + "/secret"));
		this.server.route("/to-mapped",
				(request) -> Reply.redirect(307, "http://[::ffff:127.0.0.1]:" + port + "/secret"));
		this.server.route("/to-file", (request) -> Reply.redirect(302, "file:///etc/passwd"));
		this.server.serve("/secret", HTML, "<p>internal</p>");

		for (String path : List.of("/to-loopback", "/to-mapped")) {
			assertThatExceptionOfType(ForbiddenTargetException.class)
				.isThrownBy(() -> this.fetcher.fetchPage(url(path)))
				.withMessageContaining("redirects to")
				.withMessageContaining("loopback");
		}
		assertThatExceptionOfType(ForbiddenTargetException.class)
			.isThrownBy(() -> this.fetcher.fetchPage(url("/to-file")))
			.withMessageContaining("Only http and https");
		assertThat(this.server.log("/secret")).isEmpty();
	}

	@Test
	void connectsOnlyToTheAddressesItChecked() {
		this.server.serve("/secret", HTML, "<p>internal</p>");

		// rebind.test resolves to the fixture's own loopback address: refused before any
		// connection, although the server is there.
		assertThatExceptionOfType(ForbiddenTargetException.class)
			.isThrownBy(
					() -> this.fetcher.fetchPage(URI.create("http://rebind.test:" + this.server.port() + "/secret")))
			.withMessageContaining("rebind.test (127.0.0.1) is a loopback address");
		assertThat(this.server.log()).isEmpty();
		assertThat(this.meters.get(PageFetcher.TIMER).tags("kind", "page", "outcome", "refused").timer().count())
			.isEqualTo(1);
	}

	@Test
	void reportsUpstreamErrorsAsFailures() {
		this.server.route("/broken", (request) -> new Reply(503, Map.of(), "down".getBytes()));

		assertThatExceptionOfType(FetchFailedException.class).isThrownBy(() -> this.fetcher.fetchPage(url("/broken")))
			.withMessageContaining("503")
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(FetchFailedException.Reason.BAD_STATUS));
		assertThatExceptionOfType(FetchFailedException.class).isThrownBy(() -> this.fetcher.fetchPage(url("/missing")))
			.withMessageContaining("404");
	}

	@Test
	void refusesContentThatIsNotHtml() {
		this.server.route("/image", (request) -> Reply.ok("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }));
		this.server.serve("/json", "application/json", "{\"a\": 1}");

		for (String path : List.of("/image", "/json")) {
			assertThatExceptionOfType(FetchFailedException.class).isThrownBy(() -> this.fetcher.fetchPage(url(path)))
				.satisfies(
						(ex) -> assertThat(ex.getReason()).isEqualTo(FetchFailedException.Reason.UNSUPPORTED_CONTENT));
		}
	}

	@Test
	void refusesAnswersOverTheSizeCap() {
		this.server.serve("/big", HTML, "<p>" + "x".repeat(70 * 1024) + "</p>");

		assertThatExceptionOfType(FetchFailedException.class).isThrownBy(() -> this.fetcher.fetchPage(url("/big")))
			.withMessageContaining("max-page-size")
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(FetchFailedException.Reason.TOO_LARGE));
	}

	@Test
	void timesOutOnAServerThatDoesNotAnswer() {
		this.server.route("/silent", (request) -> {
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return Reply.ok(HTML, "<p>late</p>".getBytes());
		});

		assertThatExceptionOfType(FetchFailedException.class).isThrownBy(() -> this.fetcher.fetchPage(url("/silent")))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(FetchFailedException.Reason.TIMEOUT));
	}

	@Test
	void sendsValidatorsAndReportsNotModified() throws Exception {
		this.server.route("/feed",
				(request) -> "\"v1\"".equals(
						request.header("If-None-Match"))
								? new Reply(304, Map.of("ETag", "\"v1\""), new byte[0])
								: new Reply(
										200, Map.of("Content-Type", "application/rss+xml", "ETag", "\"v1\"",
												"Last-Modified", "Fri, 01 Nov 2024 10:00:00 GMT"),
										"<rss/>".getBytes()));

		FetchedResponse first = this.fetcher.fetchFeed(url("/feed"), Optional.empty(), Optional.empty());
		FetchedResponse second = this.fetcher.fetchFeed(url("/feed"), first.etag(), first.lastModified());

		assertThat(first.etag()).contains("\"v1\"");
		assertThat(first.lastModified()).contains("Fri, 01 Nov 2024 10:00:00 GMT");
		assertThat(second.notModified()).isTrue();
		assertThat(second.body()).isEmpty();
		assertThat(this.server.log("/feed").get(1).request().header("If-Modified-Since"))
			.isEqualTo("Fri, 01 Nov 2024 10:00:00 GMT");
		assertThat(this.server.log("/feed").get(1).bodyBytes()).isZero();
	}

	private URI url(String path) {
		return URI.create("http://fixture.test:" + this.server.port() + path);
	}

	private static InetAddress[] resolve(String host) throws UnknownHostException {
		if (host.equals("fixture.test") || host.equals("rebind.test")) {
			return new InetAddress[] { InetAddress.getByName("127.0.0.1") };
		}
		throw new UnknownHostException(host);
	}

	private static IngestProperties properties(List<String> allowed) {
		IngestProperties defaults = IngestProperties.defaults();
		return new IngestProperties(defaults.maxBodySize(), defaults.topics(), defaults.publish(), defaults.dedup(),
				defaults.batch(), allowed, new FetchSettings(Duration.ofSeconds(2), Duration.ofMillis(500),
						DataSize.ofKilobytes(64), 5, defaults.fetch().userAgent()),
				defaults.feed(), List.of());
	}

}
