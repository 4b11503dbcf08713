package newsroom.ingest.feed;

import java.util.Optional;

/**
 * What became of one new entry of a feed.
 */
sealed interface EntryOutcome {

	/**
	 * The id of the article the entry became, kept with the seen entry.
	 * @return the id when the entry was published, else empty
	 */
	default Optional<String> publishedId() {
		return Optional.empty();
	}

	/**
	 * Published as a new article (or a new revision of one).
	 *
	 * @param articleId the article's id
	 */
	record Published(String articleId) implements EntryOutcome {

		@Override
		public Optional<String> publishedId() {
			return Optional.of(this.articleId);
		}

	}

	/**
	 * The same content was published already; nothing was published.
	 *
	 * @param articleId the article's id
	 */
	record Duplicate(String articleId) implements EntryOutcome {
	}

	/**
	 * Not an article: neither title nor text, invalid, or too large.
	 *
	 * @param reason why, for the log
	 */
	record Skipped(String reason) implements EntryOutcome {
	}

}
