package newsroom.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;

import newsroom.events.RawArticle;

/**
 * Checks a decoded raw article against the parts of the {@code news.articles.raw.v1}
 * schema that a record type cannot enforce: the schema version and the required,
 * non-nullable fields. A claimed language that is not a valid code is not a violation
 * here; the enricher detects the language instead.
 */
final class RawArticleValidator {

	private RawArticleValidator() {
	}

	static void validate(RawArticle article) {
		List<String> problems = new ArrayList<>();
		if (article.schemaVersion() != RawArticle.SCHEMA_VERSION) {
			problems.add("schemaVersion must be " + RawArticle.SCHEMA_VERSION + " but is " + article.schemaVersion());
		}
		requireText(problems, "id", article.id());
		if (article.revision() < 0) {
			problems.add("revision must not be negative");
		}
		requireText(problems, "source", article.source());
		requireText(problems, "title", article.title());
		if (article.text() == null) {
			problems.add("text is missing");
		}
		require(problems, "publishedAt", article.publishedAt());
		require(problems, "ingestedAt", article.ingestedAt());
		requireText(problems, "contentHash", article.contentHash());
		require(problems, "origin", article.origin());
		if (!problems.isEmpty()) {
			throw new InvalidRawArticleException(String.join("; ", problems));
		}
	}

	private static void require(List<String> problems, String field, Object value) {
		if (value == null) {
			problems.add(field + " is missing");
		}
	}

	private static void requireText(List<String> problems, String field, String value) {
		if (value == null) {
			problems.add(field + " is missing");
		}
		else if (value.isBlank()) {
			problems.add(field + " is blank");
		}
	}

}
