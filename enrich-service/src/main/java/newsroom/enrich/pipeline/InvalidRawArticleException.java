package newsroom.enrich.pipeline;

/**
 * A raw-topic record that is JSON but breaks the {@code news.articles.raw.v1} schema.
 * Never retried: the same bytes would fail the same way, so the record is dead-lettered.
 */
public class InvalidRawArticleException extends RuntimeException {

	InvalidRawArticleException(String message) {
		super(message);
	}

}
