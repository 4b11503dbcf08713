package newsroom.bench.pipeline.corpus;

import java.time.Instant;

/**
 * One generated news article.
 *
 * @param index its place in the corpus; the same index and seed give the same article
 * @param token a word that occurs in no other article, so that a search for it finds
 * exactly this one
 * @param url a unique address (ingest derives the article id from it)
 * @param source the news site
 * @param author the byline
 * @param title the headline
 * @param text the body, paragraphs separated by blank lines
 * @param publishedAt the publication time
 * @param topic the topic it was written from
 * @param words words in the body
 * @param mentions how often the body names a person, an organisation and a place
 */
public record Article(int index, String token, String url, String source, String author, String title, String text,
		Instant publishedAt, String topic, int words, Mentions mentions) {

	/**
	 * Entity mentions written into an article, by type.
	 *
	 * @param people mentions of people
	 * @param organisations mentions of organisations
	 * @param places mentions of cities and countries
	 */
	public record Mentions(int people, int organisations, int places) {
	}

}
