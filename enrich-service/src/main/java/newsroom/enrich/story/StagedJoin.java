package newsroom.enrich.story;

import newsroom.events.Story;
import org.jspecify.annotations.Nullable;

/**
 * An article assigned to a story in a transaction, applied to the story index when the
 * transaction commits.
 *
 * @param articleId the article
 * @param storyId its story
 * @param profile its profile
 * @param snapshot the story's snapshot the transaction publishes, if it does
 */
record StagedJoin(String articleId, String storyId, ArticleProfile profile, @Nullable Story snapshot) {
}
