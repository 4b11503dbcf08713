package newsroom.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import newsroom.ingest.config.IngestProperties;
import newsroom.ingest.config.IngestProperties.FetchSettings;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.util.Timeout;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Fetches web pages and feeds within limits: http and https only, connect and read
 * timeouts plus an overall deadline, a size cap, at most
 * {@code newsroom.ingest.fetch.max-redirects} redirects (each hop checked again), a
 * product {@code User-Agent}, and connections only to addresses that {@link TargetGuard}
 * checked when it resolved them. No proxy, no cookies, no automatic retries.
 */
@Component
public class PageFetcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PageFetcher.class);

	static final String TIMER = "newsroom.ingest.fetch.duration";

	private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");

	/** Bodies that are never feeds nor pages, refused before they are read. */
	private static final Set<String> BINARY_PREFIXES = Set.of("image/", "audio/", "video/", "font/");

	private static final int BUFFER_SIZE = 16 * 1024;

	private final TargetGuard guard;

	private final FetchSettings settings;

	private final MeterRegistry meters;

	private final PoolingHttpClientConnectionManager connections;

	private final CloseableHttpClient client;

	private final Duration deadline;

	public PageFetcher(TargetGuard guard, IngestProperties properties, MeterRegistry meters) {
		this.guard = guard;
		this.settings = properties.fetch();
		this.meters = meters;
		this.deadline = this.settings.connectTimeout().plus(this.settings.readTimeout().multipliedBy(2));
		DnsResolver resolver = new DnsResolver() {

			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				return PageFetcher.this.guard.addresses(host);
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}

		};
		this.connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDnsResolver(resolver)
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(this.settings.connectTimeout()))
				.setSocketTimeout(Timeout.of(this.settings.readTimeout()))
				.build())
			.setMaxConnTotal(32)
			.setMaxConnPerRoute(4)
			.build();
		this.client = HttpClients.custom()
			.setConnectionManager(this.connections)
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent(this.settings.userAgent())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.of(this.settings.readTimeout()))
				.setConnectionRequestTimeout(Timeout.of(this.settings.connectTimeout()))
				.build())
			.build();
	}

	/**
	 * Fetches an HTML page.
	 * @param url the page
	 * @return the page
	 * @throws ForbiddenTargetException when the URL or a redirect leads to a refused
	 * target
	 * @throws FetchFailedException when the page could not be fetched
	 */
	public FetchedResponse fetchPage(URI url) throws ForbiddenTargetException {
		return fetch(url, Kind.PAGE, Optional.empty(), Optional.empty());
	}

	/**
	 * Fetches a feed, conditionally when validators from an earlier answer are given.
	 * @param url the feed
	 * @param etag the {@code ETag} of the last answer
	 * @param lastModified the {@code Last-Modified} of the last answer
	 * @return the feed, or a not-modified answer without a body
	 * @throws ForbiddenTargetException when the URL or a redirect leads to a refused
	 * target
	 * @throws FetchFailedException when the feed could not be fetched
	 */
	public FetchedResponse fetchFeed(URI url, Optional<String> etag, Optional<String> lastModified)
			throws ForbiddenTargetException {
		return fetch(url, Kind.FEED, etag, lastModified);
	}

	/**
	 * Decodes a fetched page with the charset its server declared, else the one its
	 * markup declares ({@code <meta charset>}), else UTF-8.
	 * @param page the fetched page
	 * @return the page's markup
	 */
	public static String decodeHtml(FetchedResponse page) {
		try {
			return Jsoup
				.parse(new ByteArrayInputStream(page.body()), page.charset().map(Charset::name).orElse(null),
						page.url().toString())
				.outerHtml();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private FetchedResponse fetch(URI url, Kind kind, Optional<String> etag, Optional<String> lastModified)
			throws ForbiddenTargetException {
		Timer.Sample sample = Timer.start(this.meters);
		String outcome = "failed";
		try {
			FetchedResponse response = follow(url, kind, etag, lastModified);
			outcome = response.notModified() ? "not-modified" : "ok";
			return response;
		}
		catch (ForbiddenTargetException ex) {
			outcome = "refused";
			throw ex;
		}
		catch (FetchFailedException ex) {
			outcome = ex.getReason().tag();
			throw ex;
		}
		finally {
			sample.stop(Timer.builder(TIMER)
				.description("Time to fetch a web page or feed, by kind and outcome")
				.tag("kind", kind.tag)
				.tag("outcome", outcome)
				.register(this.meters));
		}
	}

	private FetchedResponse follow(URI url, Kind kind, Optional<String> etag, Optional<String> lastModified)
			throws ForbiddenTargetException {
		long deadlineNanos = System.nanoTime() + this.deadline.toNanos();
		URI current = url;
		for (int hop = 0;; hop++) {
			try {
				this.guard.checkUrl(current);
			}
			catch (ForbiddenTargetException ex) {
				throw redirected(url, current, hop, ex);
			}
			HttpGet request = new HttpGet(current);
			request.setHeader(HttpHeaders.ACCEPT, kind.accept);
			etag.ifPresent((value) -> request.setHeader(HttpHeaders.IF_NONE_MATCH, value));
			lastModified.ifPresent((value) -> request.setHeader(HttpHeaders.IF_MODIFIED_SINCE, value));
			try (ClassicHttpResponse response = this.client.executeOpen(null, request, null)) {
				int status = response.getCode();
				if (status >= 300 && status < 400 && status != 304) {
					URI next = redirectTarget(current, response);
					if (hop >= this.settings.maxRedirects()) {
						throw new FetchFailedException(FetchFailedException.Reason.REDIRECTS, url.toString(),
								"The server redirected more than " + this.settings.maxRedirects() + " times", null);
					}
					log.debug("Redirect {} from {} to {}", status, current, next);
					current = next;
					continue;
				}
				if (status == 304) {
					return new FetchedResponse(current, true, "", Optional.empty(), new byte[0],
							header(response, HttpHeaders.ETAG).or(() -> etag),
							header(response, HttpHeaders.LAST_MODIFIED).or(() -> lastModified));
				}
				if (status < 200 || status >= 300) {
					throw new FetchFailedException(FetchFailedException.Reason.BAD_STATUS, current.toString(),
							"The server answered " + status
									+ ((response.getReasonPhrase() != null) ? " " + response.getReasonPhrase() : ""),
							null);
				}
				return read(current, kind, response, deadlineNanos);
			}
			catch (ForbiddenTargetException ex) {
				throw redirected(url, current, hop, ex);
			}
			catch (UnknownHostException ex) {
				throw new FetchFailedException(FetchFailedException.Reason.UNREACHABLE, current.toString(),
						"The host " + current.getHost() + " could not be resolved", ex);
			}
			catch (InterruptedIOException ex) {
				// Connect and read timeouts (SocketTimeoutException) among them.
				throw new FetchFailedException(FetchFailedException.Reason.TIMEOUT, current.toString(),
						"The server did not answer in time", ex);
			}
			catch (IOException ex) {
				throw new FetchFailedException(FetchFailedException.Reason.UNREACHABLE, current.toString(),
						"The server could not be reached: " + ex.getMessage(), ex);
			}
		}
	}

	private static ForbiddenTargetException redirected(URI original, URI current, int hop,
			ForbiddenTargetException ex) {
		if (hop == 0) {
			return ex;
		}
		return new ForbiddenTargetException(current.toString(),
				original + " redirects to " + current + ", which is refused: " + ex.getMessage());
	}

	private static URI redirectTarget(URI current, ClassicHttpResponse response) {
		Optional<String> location = header(response, HttpHeaders.LOCATION);
		if (location.isEmpty()) {
			throw new FetchFailedException(FetchFailedException.Reason.REDIRECTS, current.toString(),
					"The server answered a redirect without a Location", null);
		}
		try {
			URI next = current.resolve(new URI(location.get().strip().replace(" ", "%20")));
			// A fragment never goes to the server.
			return new URI(next.getScheme(), next.getRawAuthority(), next.getRawPath(), next.getRawQuery(), null)
				.normalize();
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new FetchFailedException(FetchFailedException.Reason.REDIRECTS, current.toString(),
					"The server redirected to an invalid URL", ex);
		}
	}

	private FetchedResponse read(URI url, Kind kind, ClassicHttpResponse response, long deadlineNanos)
			throws IOException {
		HttpEntity entity = response.getEntity();
		ContentType contentType = null;
		try {
			contentType = (entity != null && entity.getContentType() != null)
					? ContentType.parse(entity.getContentType()) : null;
		}
		catch (RuntimeException ex) {
			// An unreadable Content-Type is treated like a missing one.
		}
		String mediaType = (contentType != null && contentType.getMimeType() != null)
				? contentType.getMimeType().toLowerCase(Locale.ROOT) : "";
		Optional<Charset> charset = Optional.empty();
		try {
			charset = Optional.ofNullable((contentType != null) ? contentType.getCharset() : null);
		}
		catch (RuntimeException ex) {
			// An unknown charset name: the body decides.
		}
		if (!kind.accepts(mediaType)) {
			throw new FetchFailedException(FetchFailedException.Reason.UNSUPPORTED_CONTENT, url.toString(),
					"The server sent " + mediaType + ", not " + kind.description, null);
		}
		long cap = this.settings.maxPageSize().toBytes();
		if (entity != null && entity.getContentLength() > cap) {
			throw tooLarge(url, cap);
		}
		byte[] body = (entity != null) ? readCapped(entity.getContent(), url, cap, deadlineNanos) : new byte[0];
		if (mediaType.isEmpty() && kind == Kind.PAGE && !looksLikeMarkup(body)) {
			throw new FetchFailedException(FetchFailedException.Reason.UNSUPPORTED_CONTENT, url.toString(),
					"The server sent no content type and the body is not HTML", null);
		}
		return new FetchedResponse(url, false, mediaType, charset, body, header(response, HttpHeaders.ETAG),
				header(response, HttpHeaders.LAST_MODIFIED));
	}

	private static byte[] readCapped(InputStream stream, URI url, long cap, long deadlineNanos) throws IOException {
		if (stream == null) {
			return new byte[0];
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[BUFFER_SIZE];
		try (stream) {
			for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
				if (body.size() + read > cap) {
					throw tooLarge(url, cap);
				}
				body.write(buffer, 0, read);
				if (System.nanoTime() > deadlineNanos) {
					throw new FetchFailedException(FetchFailedException.Reason.TIMEOUT, url.toString(),
							"The server did not send the whole answer in time", null);
				}
			}
		}
		return body.toByteArray();
	}

	private static FetchFailedException tooLarge(URI url, long cap) {
		return new FetchFailedException(FetchFailedException.Reason.TOO_LARGE, url.toString(),
				"The answer is larger than " + cap + " bytes (newsroom.ingest.fetch.max-page-size)", null);
	}

	private static boolean looksLikeMarkup(byte[] body) {
		for (byte value : body) {
			if (value == '<') {
				return true;
			}
			if (!Character.isWhitespace(value) && (value & 0xFF) != 0xEF && (value & 0xFF) != 0xBB
					&& (value & 0xFF) != 0xBF) {
				return false;
			}
		}
		return false;
	}

	private static Optional<String> header(ClassicHttpResponse response, String name) {
		Header header = response.getFirstHeader(name);
		return (header != null && header.getValue() != null && !header.getValue().isBlank())
				? Optional.of(header.getValue().strip()) : Optional.empty();
	}

	@Override
	public void destroy() throws IOException {
		this.client.close();
		this.connections.close();
	}

	private enum Kind {

		PAGE("page", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1", "an HTML page (text/html)"),

		FEED("feed", "application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,application/xml;q=0.8,"
				+ "text/xml;q=0.8,*/*;q=0.1", "a feed (RSS or Atom XML)");

		private final String tag;

		private final String accept;

		private final String description;

		Kind(String tag, String accept, String description) {
			this.tag = tag;
			this.accept = accept;
			this.description = description;
		}

		boolean accepts(String mediaType) {
			if (mediaType.isEmpty()) {
				return true;
			}
			if (this == PAGE) {
				return HTML_TYPES.contains(mediaType);
			}
			// Feeds are served under many types (text/plain, text/html...): the parser
			// decides, only clearly binary bodies are refused.
			return BINARY_PREFIXES.stream().noneMatch(mediaType::startsWith) && !mediaType.equals("application/pdf")
					&& !mediaType.equals("application/zip") && !mediaType.equals("application/octet-stream");
		}

	}

}
