package newsroom.ingest.article;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.validation.Validator;
import newsroom.events.Origin;
import newsroom.events.RawArticle;
import newsroom.events.Topics;
import newsroom.ingest.clean.TextCleaner;
import newsroom.ingest.extract.HtmlArticleExtractor;
import newsroom.ingest.publish.ArticleTooLargeException;
import newsroom.ingest.publish.PublishFailedException;
import newsroom.ingest.publish.PublishedContentIndex;
import newsroom.ingest.publish.RawArticlePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Service;

/**
 * Turns a submission into a {@link RawArticle} ({@link ArticlePreparer}: validate,
 * extract from HTML, clean, canonicalise, identify) and publishes it unless the same
 * content was already published under its id. Every way in (REST, batch, fetch, feeds)
 * goes through here.
 */
@Service
public class ArticleIntake {

	/** MDC field naming the article a log line is about. */
	static final String ARTICLE_ID_LOG_FIELD = "articleId";

	private static final Logger log = LoggerFactory.getLogger(ArticleIntake.class);

	/**
	 * Serialises the check-publish-remember sequence per id, so that two concurrent
	 * submissions of one article publish it once; striped to bound memory.
	 */
	private static final int LOCK_STRIPES = 64;

	private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

	private final ArticlePreparer preparer;

	private final PublishedContentIndex publishedContent;

	private final RawArticlePublisher publisher;

	private final IngestMetrics metrics;

	ArticleIntake(Validator validator, TextCleaner cleaner, HtmlArticleExtractor extractor,
			PublishedContentIndex publishedContent, RawArticlePublisher publisher, IngestMetrics metrics, Clock clock) {
		this.preparer = new ArticlePreparer(validator, cleaner, extractor, clock);
		this.publishedContent = publishedContent;
		this.publisher = publisher;
		this.metrics = metrics;
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
	 * @throws PublishFailedException when the broker did not acknowledge in time
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
	 * @throws PublishFailedException when the broker did not acknowledge in time
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
			return this.preparer.prepare(submission, origin, feedId);
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
	 * @throws PublishFailedException when the broker did not acknowledge in time; the
	 * articles it did acknowledge stay published and remembered
	 */
	public List<Outcome> publish(List<RawArticle> articles, Origin origin) {
		List<ReentrantLock> held = lockAll(articles);
		try {
			List<Boolean> duplicate = duplicates(articles);
			List<RawArticle> toSend = new ArrayList<>();
			for (int i = 0; i < articles.size(); i++) {
				if (!duplicate.get(i)) {
					toSend.add(articles.get(i));
				}
			}
			Map<RawArticle, ArticleTooLargeException> tooLarge = send(toSend, origin);
			return outcomes(articles, duplicate, tooLarge, origin);
		}
		finally {
			for (int i = held.size() - 1; i >= 0; i--) {
				held.get(i).unlock();
			}
		}
	}

	/**
	 * Which articles were last published with the same content, by an earlier request or
	 * earlier in the list.
	 */
	private List<Boolean> duplicates(List<RawArticle> articles) {
		Map<String, String> pending = new HashMap<>();
		List<Boolean> duplicate = new ArrayList<>(articles.size());
		for (RawArticle article : articles) {
			boolean same = article.contentHash().equals(pending.get(article.id()))
					|| (!pending.containsKey(article.id())
							&& this.publishedContent.contains(article.id(), article.contentHash()));
			duplicate.add(same);
			if (!same) {
				pending.put(article.id(), article.contentHash());
			}
		}
		return duplicate;
	}

	/**
	 * Sends the articles and remembers those the broker acknowledged.
	 * @return the articles too large for a record
	 * @throws PublishFailedException when the broker failed; what it acknowledged is
	 * counted first (a retry is safe: ids are deterministic)
	 */
	private Map<RawArticle, ArticleTooLargeException> send(List<RawArticle> toSend, Origin origin) {
		List<Optional<RuntimeException>> sent = switch (toSend.size()) {
			case 0 -> List.of();
			case 1 -> List.of(publishOne(toSend.get(0)));
			default -> this.publisher.publishAll(toSend);
		};
		RuntimeException outage = null;
		Map<RawArticle, ArticleTooLargeException> tooLarge = new IdentityHashMap<>();
		for (int i = 0; i < toSend.size(); i++) {
			RawArticle article = toSend.get(i);
			Optional<RuntimeException> failure = sent.get(i);
			if (failure.isEmpty()) {
				this.publishedContent.remember(article.id(), article.contentHash());
			}
			else if (failure.get() instanceof ArticleTooLargeException large) {
				tooLarge.put(article, large);
			}
			else if (outage == null) {
				outage = failure.get();
			}
		}
		if (outage != null) {
			sent.stream().filter(Optional::isEmpty).forEach((ok) -> this.metrics.accepted(origin));
			throw outage;
		}
		return tooLarge;
	}

	private List<Outcome> outcomes(List<RawArticle> articles, List<Boolean> duplicate,
			Map<RawArticle, ArticleTooLargeException> tooLarge, Origin origin) {
		List<Outcome> outcomes = new ArrayList<>(articles.size());
		for (int i = 0; i < articles.size(); i++) {
			RawArticle article = articles.get(i);
			ArticleTooLargeException failure = tooLarge.get(article);
			if (failure != null) {
				this.metrics.rejected(origin);
				outcomes.add(new TooLarge(article.id(), failure));
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

}
