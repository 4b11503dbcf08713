package newsroom.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import newsroom.events.Origin;
import newsroom.ingest.article.ArticleIntake;
import newsroom.ingest.article.ArticleSubmission;
import newsroom.ingest.article.IngestResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/fetch}: fetches a web page through the SSRF guard, extracts its
 * article and publishes it like a submission; answers 202 as {@code /api/v1/articles}
 * does.
 */
@RestController
class FetchController {

	private static final Logger log = LoggerFactory.getLogger(FetchController.class);

	private final PageFetcher fetcher;

	private final ArticleIntake intake;

	FetchController(PageFetcher fetcher, ArticleIntake intake) {
		this.fetcher = fetcher;
		this.intake = intake;
	}

	// produces: an Accept header the answer cannot meet is a 406 before anything is
	// published, not after.
	@PostMapping(path = "/api/v1/fetch", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IngestResult> fetch(@RequestBody FetchRequest request) {
		FetchedResponse page = fetchPage(request.target());
		String html = PageFetcher.decodeHtml(page);
		ArticleSubmission submission = new ArticleSubmission(page.url().toString(), null, null, html, null, null, null,
				null);
		return ResponseEntity.accepted().body(this.intake.submit(submission, Origin.FETCH));
	}

	private FetchedResponse fetchPage(URI url) {
		try {
			return this.fetcher.fetchPage(url);
		}
		catch (ForbiddenTargetException ex) {
			throw new TargetRefusedException(ex);
		}
		catch (FetchFailedException ex) {
			log.info("Fetching {} failed: {}", ex.getUrl(), ex.getMessage());
			throw ex;
		}
	}

	/**
	 * The body of {@code POST /api/v1/fetch}.
	 *
	 * @param url the page to fetch, absolute http or https
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record FetchRequest(String url) {

		URI target() {
			String value = Optional.ofNullable(this.url).map(String::strip).orElse("");
			if (value.isEmpty()) {
				throw new InvalidFetchRequestException(
						"is required: the absolute http or https URL of the page to fetch");
			}
			if (value.length() > 2048) {
				throw new InvalidFetchRequestException("must be at most 2048 characters");
			}
			try {
				URI uri = new URI(value);
				if (uri.getScheme() == null || uri.isOpaque()) {
					throw new InvalidFetchRequestException(
							"must be an absolute http or https URL, for example https://example.com/news/story");
				}
				String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
				// Other schemes are refused by the guard, which names the reason.
				if ((scheme.equals("http") || scheme.equals("https")) && TargetGuard.host(uri).isEmpty()) {
					throw new InvalidFetchRequestException(
							"must name a host, for example https://example.com/news/story");
				}
				return uri;
			}
			catch (URISyntaxException ex) {
				throw new InvalidFetchRequestException("is not a valid URL: " + ex.getReason());
			}
		}

	}

}
