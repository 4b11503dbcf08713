package newsroom.search.alert;

import java.time.Instant;

import newsroom.events.AlertMatched;
import newsroom.events.EnrichedArticle;

/**
 * An article that matched an alert, with the enriched record it came from: the record's
 * place on the topic is what tells a replay of the same record from a later one.
 *
 * @param alert the alert
 * @param article the article
 * @param partition the enriched record's partition
 * @param offset the enriched record's offset
 * @param matchedAt when the match was found
 */
record MatchCandidate(Alert alert, EnrichedArticle article, int partition, long offset, Instant matchedAt) {

	AlertMatched event() {
		return new AlertMatched(AlertMatched.SCHEMA_VERSION, this.alert.id(), this.alert.name(), this.article.id(),
				this.article.title(), this.article.url(), this.article.source(), this.article.publishedAt(),
				this.matchedAt);
	}

	MatchDocument document() {
		return new MatchDocument(this.alert.id(), this.article.id(), this.article.title(), this.article.url(),
				this.article.source(), this.article.publishedAt(), this.matchedAt, this.partition, this.offset);
	}

}
