package newsroom.events;

import java.time.Instant;
import java.util.List;

/**
 * A story's current snapshot, published on {@link Topics#STORIES} (compacted, key = story
 * id) whenever an article joins it: the articles of any sources that report one event.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param storyId the id of the story's first article
 * @param title the first article's title
 * @param articleCount how many articles the story holds
 * @param sources the sources of its articles, each once, in the order they joined
 * @param articleIds the ids of its newest articles (at most {@link #MAX_ARTICLE_IDS}),
 * newest first
 * @param firstSeenAt the earliest {@code publishedAt} of its articles
 * @param lastSeenAt the latest {@code publishedAt} of its articles
 * @param entities its most salient entities across its articles, at most
 * {@link #MAX_ENTITIES}, most salient first
 * @param tags IPTC Media Topic slugs of its articles, most frequent first
 */
public record Story(int schemaVersion, String storyId, String title, int articleCount, List<String> sources,
		List<String> articleIds, Instant firstSeenAt, Instant lastSeenAt, List<StoryEntity> entities,
		List<String> tags) {

	public static final int SCHEMA_VERSION = 1;

	/** How many article ids a snapshot lists at most. */
	public static final int MAX_ARTICLE_IDS = 100;

	/** How many entities a snapshot lists at most. */
	public static final int MAX_ENTITIES = 10;

	public Story {
		sources = (sources != null) ? List.copyOf(sources) : List.of();
		articleIds = (articleIds != null) ? List.copyOf(articleIds) : List.of();
		entities = (entities != null) ? List.copyOf(entities) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

}
