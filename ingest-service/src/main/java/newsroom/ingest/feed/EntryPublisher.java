package newsroom.ingest.feed;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import newsroom.events.Origin;
import newsroom.ingest.article.ArticleIntake;
import newsroom.ingest.article.ArticleSubmission;
import newsroom.ingest.article.ArticleValidationException;
import newsroom.ingest.article.IngestResult;
import newsroom.ingest.article.IngestStatus;
import newsroom.ingest.config.IngestProperties;
import newsroom.ingest.extract.ExtractedPage;
import newsroom.ingest.extract.HtmlArticleExtractor;
import newsroom.ingest.feed.EntryOutcome.Duplicate;
import newsroom.ingest.feed.EntryOutcome.Published;
import newsroom.ingest.feed.EntryOutcome.Skipped;
import newsroom.ingest.fetch.FetchFailedException;
import newsroom.ingest.fetch.FetchedResponse;
import newsroom.ingest.fetch.ForbiddenTargetException;
import newsroom.ingest.fetch.PageFetcher;
import newsroom.ingest.publish.ArticleTooLargeException;
import newsroom.ingest.publish.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Turns a feed entry into an article and publishes it through {@link ArticleIntake}: the
 * entry's page when the feed carries only a teaser and the page has more text, else the
 * feed's own content; an untitled entry is headlined with its first sentence.
 */
@Component
class EntryPublisher {

	private static final Logger log = LoggerFactory.getLogger(EntryPublisher.class);

	private static final int MAX_HEADLINE = 120;

	private static final int SHORT_HEADLINE = 70;

	private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.{20,}?[.!?])(?:\\s|$)");

	private final PageFetcher fetcher;

	private final HtmlArticleExtractor extractor;

	private final ArticleIntake intake;

	private final FeedMetrics metrics;

	private final int teaserLength;

	EntryPublisher(PageFetcher fetcher, HtmlArticleExtractor extractor, ArticleIntake intake, FeedMetrics metrics,
			IngestProperties properties) {
		this.fetcher = fetcher;
		this.extractor = extractor;
		this.intake = intake;
		this.metrics = metrics;
		this.teaserLength = properties.feed().teaserLength();
	}

	/**
	 * Publishes one entry of a feed; counts what became of it.
	 * @param feed the feed
	 * @param entry the entry
	 * @return what became of it
	 * @throws PublishFailedException when the broker did not acknowledge: the entry must
	 * be tried again
	 */
	EntryOutcome publish(StoredFeed feed, FeedEntry entry) {
		Optional<ArticleSubmission> submission = submission(feed, entry);
		if (submission.isEmpty()) {
			this.metrics.skipped();
			log.info("Skipped an entry of feed {} with neither title nor text", feed.id());
			return new Skipped("neither title nor text");
		}
		try {
			IngestResult result = this.intake.submit(submission.get(), Origin.FEED, feed.id());
			if (result.status() == IngestStatus.DUPLICATE) {
				this.metrics.duplicate();
				return new Duplicate(result.id());
			}
			this.metrics.published();
			return new Published(result.id());
		}
		catch (ArticleValidationException | ArticleTooLargeException ex) {
			this.metrics.skipped();
			log.info("Skipped an entry of feed {}: {}", feed.id(), ex.getMessage());
			return new Skipped(ex.getMessage());
		}
	}

	/**
	 * The article of an entry: the entry's page when the feed carries only a teaser and
	 * the page has more, else the feed's own content.
	 */
	private Optional<ArticleSubmission> submission(StoredFeed feed, FeedEntry entry) {
		String title = entry.title();
		String text = entry.text();
		if (title.isBlank() && text.isBlank()) {
			return Optional.empty();
		}
		String author = entry.author().orElse(null);
		String publishedAt = entry.publishedAt().map(Instant::toString).orElse(null);
		String link = entry.link().orElse(null);
		if (link != null && text.length() < this.teaserLength) {
			Optional<String> page = page(link, text);
			if (page.isPresent()) {
				return Optional.of(new ArticleSubmission(link, title.isBlank() ? null : title, null, page.get(),
						feed.source(), author, publishedAt, null));
			}
		}
		String headline = title.isBlank() ? headline(text) : title;
		return Optional.of(new ArticleSubmission(link, headline, text.isBlank() ? title : text, null, feed.source(),
				author, publishedAt, null));
	}

	/** The entry's page when it can be fetched and holds more text than the feed. */
	private Optional<String> page(String link, String feedText) {
		try {
			FetchedResponse response = this.fetcher.fetchPage(URI.create(link));
			String html = PageFetcher.decodeHtml(response);
			ExtractedPage extracted = this.extractor.extract(html, response.url().toString());
			return (extracted.text().length() > feedText.length()) ? Optional.of(html) : Optional.empty();
		}
		catch (ForbiddenTargetException | FetchFailedException | IllegalArgumentException ex) {
			log.info("Entry page {} not fetched, publishing the feed's content: {}", link, ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * A headline for an untitled entry: its first sentence when more text follows, else
	 * its first words, so that the headline never repeats the whole body (which cleaning
	 * would then drop as a repeated title).
	 */
	static String headline(String text) {
		String body = text.strip();
		String first = body.split("\n", 2)[0];
		Matcher sentence = FIRST_SENTENCE.matcher(first);
		if (sentence.find() && sentence.group(1).length() <= MAX_HEADLINE
				&& sentence.group(1).length() < body.length()) {
			return sentence.group(1);
		}
		int cut = first.lastIndexOf(' ', Math.min(first.length() - 1, SHORT_HEADLINE));
		return first.substring(0, (cut > 0) ? cut : Math.min(first.length(), SHORT_HEADLINE)).strip() + "…";
	}

}
