package newsroom.ingest.fetch;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import newsroom.events.Origin;
import newsroom.ingest.article.ArticleIntake;
import newsroom.ingest.article.ArticleSubmission;
import newsroom.ingest.article.FieldProblem;
import newsroom.ingest.article.IngestResult;
import newsroom.ingest.web.InvalidRequestException;

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

	private final PageFetcher fetcher;

	private final ArticleIntake intake;

	FetchController(PageFetcher fetcher, ArticleIntake intake) {
		this.fetcher = fetcher;
		this.intake = intake;
	}

	@PostMapping(path = "/api/v1/fetch", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IngestResult> fetch(@RequestBody FetchRequest request) throws ForbiddenTargetException {
		URI url = request.target();
		FetchedResponse page = this.fetcher.fetchPage(url);
		String html = PageFetcher.decodeHtml(page);
		ArticleSubmission submission = new ArticleSubmission(page.url().toString(), null, null, html, null, null, null,
				null);
		return ResponseEntity.accepted().body(this.intake.submit(submission, Origin.FETCH));
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
				throw invalid("is required: the absolute http or https URL of the page to fetch");
			}
			if (value.length() > 2048) {
				throw invalid("must be at most 2048 characters");
			}
			try {
				URI uri = new URI(value);
				if (uri.getScheme() == null || uri.isOpaque()) {
					throw invalid("must be an absolute http or https URL, for example https://example.com/news/story");
				}
				String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
				// Other schemes are refused by the guard, which names the reason.
				if ((scheme.equals("http") || scheme.equals("https")) && TargetGuard.host(uri).isEmpty()) {
					throw invalid("must name a host, for example https://example.com/news/story");
				}
				return uri;
			}
			catch (java.net.URISyntaxException ex) {
				throw invalid("is not a valid URL: " + ex.getReason());
			}
		}

		private static InvalidRequestException invalid(String message) {
			return new InvalidRequestException("Invalid fetch request", List.of(new FieldProblem("url", message)));
		}

	}

}
