package newsroom.ingest.article;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import newsroom.events.Origin;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import newsroom.ingest.clean.TextCleaner;
import newsroom.ingest.clean.Timestamps;
import newsroom.ingest.extract.ExtractedPage;
import newsroom.ingest.extract.HtmlArticleExtractor;
import newsroom.ingest.publish.ArticleTooLargeException;
import newsroom.ingest.publish.PublishFailedException;
import newsroom.ingest.publish.PublishedContentIndex;
import newsroom.ingest.publish.RawArticlePublisher;
import newsroom.ingest.web.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Service;

/**
 * Turns a submission into a {@link RawArticle} (validate, extract from HTML, clean,
 * canonicalise, identify) and publishes it unless the same content was already published
 * under its id. Every way in (REST, batch, fetch, feeds) goes through here.
 */
@Service
public class ArticleIntake {

	/** MDC field naming the article a log line is about. */
	static final String ARTICLE_ID_LOG_FIELD = "articleId";

	private static final Logger log = LoggerFactory.getLogger(ArticleIntake.class);

	static final int MAX_TITLE_LENGTH = 1000;

	private static final String DEFAULT_SOURCE = "api";

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2}");

	/**
	 * Serialises the check-publish-remember sequence per id, so that two concurrent
	 * submissions of one article publish it once; striped to bound memory.
	 */
	private static final int LOCK_STRIPES = 64;

	private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

	private final TextCleaner cleaner;

	private final HtmlArticleExtractor extractor;

	private final PublishedContentIndex publishedContent;

	private final RawArticlePublisher publisher;

	private final IngestMetrics metrics;

	private final Clock clock;

	ArticleIntake(TextCleaner cleaner, HtmlArticleExtractor extractor, PublishedContentIndex publishedContent,
			RawArticlePublisher publisher, IngestMetrics metrics, Clock clock) {
		this.cleaner = cleaner;
		this.extractor = extractor;
		this.publishedContent = publishedContent;
		this.publisher = publisher;
		this.metrics = metrics;
		this.clock = clock;
		for (int i = 0; i < LOCK_STRIPES; i++) {
			this.locks[i] = new ReentrantLock();
		}
	}

	/**
	 * Validates, prepares and publishes one article.
	 * @param submission the article as submitted
	 * @param origin how it came in
	 * @return its id and whether it was published or already known
	 * @throws ArticleValidationException when the submission is invalid; nothing is
	 * published
	 * @throws ArticleTooLargeException when the article exceeds the topic's record size
	 * @throws newsroom.ingest.publish.PublishFailedException when the broker did not
	 * acknowledge in time
	 */
	public IngestResult submit(ArticleSubmission submission, Origin origin) {
		return submit(submission, origin, null);
	}

	/**
	 * Validates, prepares and publishes one article that came from a feed.
	 * @param submission the article
	 * @param origin how it came in
	 * @param feedId the feed it came from, {@code null} for none
	 * @return its id and whether it was published or already known
	 * @throws ArticleValidationException when the submission is invalid
	 * @throws ArticleTooLargeException when the article exceeds the topic's record size
	 * @throws newsroom.ingest.publish.PublishFailedException when the broker did not
	 * acknowledge in time
	 */
	public IngestResult submit(ArticleSubmission submission, Origin origin, String feedId) {
		RawArticle article = prepare(submission, origin, feedId);
		// Every log line written while this article is published carries its id.
		try (MDC.MDCCloseable id = MDC.putCloseable(ARTICLE_ID_LOG_FIELD, article.id())) {
			Outcome outcome = publish(List.of(article), origin).get(0);
			if (outcome instanceof Stored stored) {
				return stored.result();
			}
			throw ((TooLarge) outcome).exception();
		}
	}

	/**
	 * Validates a submission and turns it into the article that would be published.
	 * Rejections are counted.
	 * @param submission the article as submitted
	 * @param origin how it came in
	 * @param feedId the feed it came from, {@code null} for none
	 * @return the article, not yet published
	 * @throws ArticleValidationException when the submission is invalid
	 */
	public RawArticle prepare(ArticleSubmission submission, Origin origin, String feedId) {
		try {
			return build(submission, origin, feedId);
		}
		catch (ArticleValidationException ex) {
			rejected(origin, ex);
			throw ex;
		}
	}

	/**
	 * Counts a submission rejected before it could be prepared (for example a batch item
	 * that is not even JSON).
	 * @param origin how it came in
	 * @param reason why
	 */
	public void rejected(Origin origin, Exception reason) {
		this.metrics.rejected(origin);
		log.debug("Rejected a submission from {}: {}", origin.jsonValue(), reason.getMessage());
	}

	/**
	 * Publishes prepared articles together (one wait for all acknowledgements), each
	 * unless its id was last published with the same content, also within the list.
	 * @param articles articles from {@link #prepare}
	 * @param origin how they came in
	 * @return for each article, in order, what became of it
	 * @throws newsroom.ingest.publish.PublishFailedException when the broker did not
	 * acknowledge in time; the articles it did acknowledge stay published and remembered
	 */
	public List<Outcome> publish(List<RawArticle> articles, Origin origin) {
		List<ReentrantLock> held = lockAll(articles);
		try {
			Map<String, String> pending = new HashMap<>();
			List<RawArticle> toSend = new ArrayList<>();
			List<Boolean> duplicate = new ArrayList<>(articles.size());
			for (RawArticle article : articles) {
				boolean same = article.contentHash().equals(pending.get(article.id()))
						|| (!pending.containsKey(article.id())
								&& this.publishedContent.contains(article.id(), article.contentHash()));
				duplicate.add(same);
				if (!same) {
					pending.put(article.id(), article.contentHash());
					toSend.add(article);
				}
			}
			List<Optional<RuntimeException>> sent = switch (toSend.size()) {
				case 0 -> List.of();
				case 1 -> List.of(publishOne(toSend.get(0)));
				default -> this.publisher.publishAll(toSend);
			};
			RuntimeException outage = null;
			Map<RawArticle, RuntimeException> failures = new IdentityHashMap<>();
			for (int i = 0; i < toSend.size(); i++) {
				RawArticle article = toSend.get(i);
				Optional<RuntimeException> failure = sent.get(i);
				if (failure.isEmpty()) {
					this.publishedContent.remember(article.id(), article.contentHash());
				}
				else if (failure.get() instanceof ArticleTooLargeException) {
					failures.put(article, failure.get());
				}
				else if (outage == null) {
					outage = failure.get();
				}
			}
			if (outage != null) {
				// What the broker did acknowledge is published and counted; the caller
				// answers for the rest (a retry is safe: ids are deterministic).
				sent.stream().filter(Optional::isEmpty).forEach((ok) -> this.metrics.accepted(origin));
				throw outage;
			}
			List<Outcome> outcomes = new ArrayList<>(articles.size());
			for (int i = 0; i < articles.size(); i++) {
				RawArticle article = articles.get(i);
				RuntimeException failure = failures.get(article);
				if (failure != null) {
					this.metrics.rejected(origin);
					outcomes.add(new TooLarge(article.id(), (ArticleTooLargeException) failure));
				}
				else if (duplicate.get(i)) {
					this.metrics.duplicate(origin);
					log.debug("Article {} is a duplicate, not published again", article.id());
					outcomes.add(new Stored(new IngestResult(article.id(), IngestStatus.DUPLICATE, Topics.RAW)));
				}
				else {
					this.metrics.accepted(origin);
					log.info("Published article {} revision {} from {}", article.id(), article.revision(),
							origin.jsonValue());
					outcomes.add(new Stored(new IngestResult(article.id(), IngestStatus.ACCEPTED, Topics.RAW)));
				}
			}
			return outcomes;
		}
		finally {
			for (int i = held.size() - 1; i >= 0; i--) {
				held.get(i).unlock();
			}
		}
	}

	private Optional<RuntimeException> publishOne(RawArticle article) {
		try {
			this.publisher.publish(article);
			return Optional.empty();
		}
		catch (ArticleTooLargeException | PublishFailedException ex) {
			return Optional.of(ex);
		}
	}

	/**
	 * Takes the lock stripes of every id in ascending order, so that two windows never
	 * wait for each other in a cycle.
	 */
	private List<ReentrantLock> lockAll(List<RawArticle> articles) {
		TreeSet<Integer> stripes = new TreeSet<>();
		for (RawArticle article : articles) {
			stripes.add(Math.floorMod(article.id().hashCode(), LOCK_STRIPES));
		}
		List<ReentrantLock> held = new ArrayList<>(stripes.size());
		for (int stripe : stripes) {
			ReentrantLock lock = this.locks[stripe];
			lock.lock();
			held.add(lock);
		}
		return held;
	}

	/**
	 * What became of one published article.
	 */
	public sealed interface Outcome permits Stored, TooLarge {

	}

	/**
	 * The broker has the article, or had it already with the same content.
	 *
	 * @param result the answer for the client
	 */
	public record Stored(IngestResult result) implements Outcome {
	}

	/**
	 * The article is larger than a record may be; nothing was published.
	 *
	 * @param id the article id
	 * @param exception the reason
	 */
	public record TooLarge(String id, ArticleTooLargeException exception) implements Outcome {
	}

	private RawArticle build(ArticleSubmission submission, Origin origin, String feedId) {
		List<FieldProblem> problems = new ArrayList<>();
		String url = stripToNull(submission.url());
		Optional<URI> parsedUrl = (url != null) ? ArticleUrls.parseHttpUrl(url) : Optional.empty();
		if (url != null) {
			if (url.length() > ArticleUrls.MAX_LENGTH) {
				problems.add(new FieldProblem("url", "must be at most " + ArticleUrls.MAX_LENGTH + " characters"));
			}
			else if (parsedUrl.isEmpty()) {
				problems.add(new FieldProblem("url",
						"must be an absolute http or https URL with a host, for example https://example.com/news/story"));
			}
		}
		Optional<Instant> publishedAt = Optional.empty();
		if (stripToNull(submission.publishedAt()) != null) {
			publishedAt = Timestamps.parse(submission.publishedAt());
			if (publishedAt.isEmpty()) {
				problems.add(new FieldProblem("publishedAt",
						"must be an ISO-8601 date-time with a UTC offset, for example 2024-11-01T10:00:00Z"));
			}
		}
		String language = stripToNull(submission.language());
		if (language != null) {
			if (LANGUAGE.matcher(language).matches()) {
				language = language.toLowerCase(Locale.ROOT);
			}
			else {
				problems.add(new FieldProblem("language", "must be a two-letter ISO 639-1 code such as \"en\""));
			}
		}
		boolean hasText = stripToNull(submission.text()) != null;
		boolean hasHtml = stripToNull(submission.html()) != null;
		if (!hasText && !hasHtml) {
			problems.add(new FieldProblem("text", "either text or html is required"));
		}
		Optional<ExtractedPage> page = hasHtml
				? Optional.of(this.extractor.extract(submission.html(), parsedUrl.map(URI::toString).orElse(null)))
				: Optional.empty();
		String title = this.cleaner.cleanLine(submission.title());
		if (title.isEmpty()) {
			title = page.flatMap(ExtractedPage::title).map(this.cleaner::cleanLine).orElse("");
		}
		if (title.isEmpty()) {
			problems.add(new FieldProblem("title",
					hasHtml ? "is required: none was given and none was found in the html" : "must not be blank"));
		}
		else if (title.length() > MAX_TITLE_LENGTH) {
			problems.add(new FieldProblem("title", "must be at most " + MAX_TITLE_LENGTH + " characters"));
		}
		String text = "";
		if (hasText) {
			text = this.cleaner.clean(submission.text(), title);
			if (text.isEmpty()) {
				problems.add(new FieldProblem("text", "contains no article text once page furniture is removed"));
			}
		}
		else if (page.isPresent()) {
			text = this.cleaner.clean(page.get().text(), title);
			if (text.isEmpty()) {
				problems.add(new FieldProblem("html", "contains no article text"));
			}
		}
		if (!problems.isEmpty()) {
			throw new ArticleValidationException(problems);
		}

		Optional<URI> pageCanonical = page.flatMap(ExtractedPage::canonicalUrl).flatMap(ArticleUrls::parseHttpUrl);
		Optional<URI> identityUrl = pageCanonical.or(() -> parsedUrl);
		String canonicalUrl = identityUrl.map(ArticleUrls::canonicalize).orElse(null);
		String source = Optional.ofNullable(stripToNull(this.cleaner.cleanLine(submission.source())))
			.or(() -> parsedUrl.or(() -> pageCanonical).map(ArticleUrls::sourceName))
			.orElse(DEFAULT_SOURCE);
		String author = Optional.ofNullable(stripToNull(this.cleaner.cleanLine(submission.author())))
			.or(() -> page.flatMap(ExtractedPage::author).map(this.cleaner::cleanLine).map(ArticleIntake::stripToNull))
			.or(() -> this.cleaner.contributor(submission.text()))
			.orElse(null);
		if (language == null) {
			language = page.flatMap(ExtractedPage::language).orElse(null);
		}
		Instant ingestedAt = this.clock.instant();
		String id = (canonicalUrl != null) ? ArticleIds.fromCanonicalUrl(canonicalUrl)
				: ArticleIds.fromContent(source, title, text);
		return new RawArticle(RawArticle.SCHEMA_VERSION, id, ingestedAt.toEpochMilli(), url, canonicalUrl, source,
				title, text, author, publishedAt.or(() -> page.flatMap(ExtractedPage::publishedAt)).orElse(ingestedAt),
				ingestedAt, language, ArticleIds.contentHash(title, text), origin, feedId);
	}

	private static String stripToNull(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
