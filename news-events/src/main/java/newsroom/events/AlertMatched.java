package newsroom.events;

import java.time.Instant;

/**
 * An article matched a saved search (an alert), published on {@link Topics#ALERTS} with
 * the alert id as key, once per alert and article: an article matches an alert when it is
 * first indexed after the alert was created and fits all of the alert's filters.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param alertId the alert's id; also the record key
 * @param alertName the name the alert was saved with
 * @param articleId the article's id (see {@link RawArticle}); with {@code alertId} it
 * identifies the match
 * @param title the article's headline
 * @param url the article's URL, nullable
 * @param source short name of the publisher
 * @param publishedAt when the article was published, nullable
 * @param matchedAt when search-service found the match
 */
public record AlertMatched(int schemaVersion, String alertId, String alertName, String articleId, String title,
		String url, String source, Instant publishedAt, Instant matchedAt) {

	/** The version of this event's schema. */
	public static final int SCHEMA_VERSION = 1;

}
