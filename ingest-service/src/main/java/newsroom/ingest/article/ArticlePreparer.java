package newsroom.ingest.article;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Validator;
import newsroom.events.Origin;
import newsroom.events.RawArticle;
import newsroom.ingest.clean.TextCleaner;
import newsroom.ingest.clean.Timestamps;
import newsroom.ingest.extract.ExtractedPage;
import newsroom.ingest.extract.HtmlArticleExtractor;
import newsroom.ingest.web.FieldProblem;

/**
 * Turns a submission into the {@link RawArticle} that would be published: checks it (Bean
 * Validation on the submission, then what cleaning leaves of its title and text),
 * extracts missing parts from its HTML, cleans, canonicalises and identifies it. The part
 * of {@link ArticleIntake} that comes before publishing.
 */
class ArticlePreparer {

	static final int MAX_TITLE_LENGTH = 1000;

	private static final String DEFAULT_SOURCE = "api";

	/** The order in which the answer lists the submission's invalid fields. */
	private static final List<String> FIELD_ORDER = List.of("url", "publishedAt", "language", "text");

	private final Validator validator;

	private final TextCleaner cleaner;

	private final HtmlArticleExtractor extractor;

	private final Clock clock;

	ArticlePreparer(Validator validator, TextCleaner cleaner, HtmlArticleExtractor extractor, Clock clock) {
		this.validator = validator;
		this.cleaner = cleaner;
		this.extractor = extractor;
		this.clock = clock;
	}

	/**
	 * The article a submission becomes.
	 * @param submission the article as submitted
	 * @param origin how it came in
	 * @param feedId the feed it came from, {@code null} for none
	 * @return the article, not yet published
	 * @throws ArticleValidationException when the submission is invalid
	 */
	RawArticle prepare(ArticleSubmission submission, Origin origin, String feedId) {
		List<FieldProblem> problems = new ArrayList<>(violations(submission));
		Optional<URI> url = ArticleUrls.parseHttpUrl(submission.url());
		// The html is read even when other fields are invalid: a missing title may be in
		// it.
		Optional<ExtractedPage> page = submission.hasHtml()
				? Optional.of(this.extractor.extract(submission.html(), url.map(URI::toString).orElse(null)))
				: Optional.empty();
		String title = title(submission, page, problems);
		String text = text(submission, page, title, problems);
		if (!problems.isEmpty()) {
			throw new ArticleValidationException(problems);
		}
		return article(new Parts(submission, url, page, title, text), origin, feedId);
	}

	private List<FieldProblem> violations(ArticleSubmission submission) {
		return this.validator.validate(submission)
			.stream()
			.map((violation) -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
			.sorted(Comparator.comparingInt((problem) -> FIELD_ORDER.indexOf(problem.field())))
			.toList();
	}

	/** The cleaned title, else the page's; every problem with it added. */
	private String title(ArticleSubmission submission, Optional<ExtractedPage> page, List<FieldProblem> problems) {
		String title = this.cleaner.cleanLine(submission.title());
		if (title.isEmpty()) {
			title = page.flatMap(ExtractedPage::title).map(this.cleaner::cleanLine).orElse("");
		}
		if (title.isEmpty()) {
			problems.add(new FieldProblem("title", page.isPresent()
					? "is required: none was given and none was found in the html" : "must not be blank"));
		}
		else if (title.length() > MAX_TITLE_LENGTH) {
			problems.add(new FieldProblem("title", "must be at most " + MAX_TITLE_LENGTH + " characters"));
		}
		return title;
	}

	/** The cleaned text, else the page's; a body that cleaning empties is a problem. */
	private String text(ArticleSubmission submission, Optional<ExtractedPage> page, String title,
			List<FieldProblem> problems) {
		if (submission.hasText()) {
			String text = this.cleaner.clean(submission.text(), title);
			if (text.isEmpty()) {
				problems.add(new FieldProblem("text", "contains no article text once page furniture is removed"));
			}
			return text;
		}
		if (page.isPresent()) {
			String text = this.cleaner.clean(page.get().text(), title);
			if (text.isEmpty()) {
				problems.add(new FieldProblem("html", "contains no article text"));
			}
			return text;
		}
		return "";
	}

	private RawArticle article(Parts parts, Origin origin, String feedId) {
		ArticleSubmission submission = parts.submission();
		Optional<ExtractedPage> page = parts.page();
		Optional<URI> pageCanonical = page.flatMap(ExtractedPage::canonicalUrl).flatMap(ArticleUrls::parseHttpUrl);
		String canonicalUrl = pageCanonical.or(parts::url).map(ArticleUrls::canonicalize).orElse(null);
		String source = nonBlank(this.cleaner.cleanLine(submission.source()))
			.or(() -> parts.url().or(() -> pageCanonical).map(ArticleUrls::sourceName))
			.orElse(DEFAULT_SOURCE);
		String author = nonBlank(this.cleaner.cleanLine(submission.author()))
			.or(() -> page.flatMap(ExtractedPage::author)
				.map(this.cleaner::cleanLine)
				.flatMap(ArticlePreparer::nonBlank))
			.or(() -> this.cleaner.contributor(submission.text()))
			.orElse(null);
		String language = nonBlank(submission.language()).map((code) -> code.toLowerCase(Locale.ROOT))
			.or(() -> page.flatMap(ExtractedPage::language))
			.orElse(null);
		Instant ingestedAt = this.clock.instant();
		Instant publishedAt = Timestamps.parse(submission.publishedAt())
			.or(() -> page.flatMap(ExtractedPage::publishedAt))
			.orElse(ingestedAt);
		String id = (canonicalUrl != null) ? ArticleIds.fromCanonicalUrl(canonicalUrl)
				: ArticleIds.fromContent(source, parts.title(), parts.text());
		return new RawArticle(RawArticle.SCHEMA_VERSION, id, ingestedAt.toEpochMilli(),
				nonBlank(submission.url()).orElse(null), canonicalUrl, source, parts.title(), parts.text(), author,
				publishedAt, ingestedAt, language, ArticleIds.contentHash(parts.title(), parts.text()), origin, feedId);
	}

	/** The value stripped, empty when it is {@code null} or blank. */
	private static Optional<String> nonBlank(String value) {
		return Optional.ofNullable(value).map(String::strip).filter((stripped) -> !stripped.isEmpty());
	}

	/**
	 * What a valid submission is made of once checked and cleaned.
	 *
	 * @param submission the submission
	 * @param url its URL, when it is an http or https one
	 * @param page what its html says, when it has html
	 * @param title the cleaned title
	 * @param text the cleaned text
	 */
	private record Parts(ArticleSubmission submission, Optional<URI> url, Optional<ExtractedPage> page, String title,
			String text) {
	}

}
