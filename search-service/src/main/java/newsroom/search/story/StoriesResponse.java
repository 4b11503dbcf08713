package newsroom.search.story;

import java.time.Instant;
import java.util.List;

import newsroom.events.Story;
import newsroom.events.StoryEntity;
import newsroom.search.index.ArticleHit;

/**
 * The answer of {@code GET /api/v1/stories}.
 *
 * @param stories this page of stories
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} on the last
 */
record StoriesResponse(List<Summary> stories, String nextCursor) {

	/**
	 * A story as listed.
	 *
	 * @param id the story id: the id of its first article
	 * @param title its first article's title
	 * @param articleCount how many articles it holds
	 * @param sources the sources of its articles, in the order they joined
	 * @param firstSeenAt the earliest publication of its articles
	 * @param lastSeenAt the latest publication of its articles
	 * @param entities its most salient entities, at most 10
	 * @param tags its articles' tags, most frequent first
	 */
	record Summary(String id, String title, int articleCount, List<String> sources, Instant firstSeenAt,
			Instant lastSeenAt, List<StoryEntity> entities, List<String> tags) {

		static Summary of(Story story) {
			return new Summary(story.storyId(), story.title(), story.articleCount(), story.sources(),
					story.firstSeenAt(), story.lastSeenAt(), story.entities(), story.tags());
		}

	}

	/**
	 * The answer of {@code GET /api/v1/stories/{id}}: the story and its articles.
	 *
	 * @param id see {@link Summary}
	 * @param title see {@link Summary}
	 * @param articleCount see {@link Summary}
	 * @param sources see {@link Summary}
	 * @param firstSeenAt see {@link Summary}
	 * @param lastSeenAt see {@link Summary}
	 * @param entities see {@link Summary}
	 * @param tags see {@link Summary}
	 * @param articles its indexed articles as search hits, oldest first, at most
	 * {@value Stories#MAX_ARTICLES}
	 */
	record Detail(String id, String title, int articleCount, List<String> sources, Instant firstSeenAt,
			Instant lastSeenAt, List<StoryEntity> entities, List<String> tags, List<ArticleHit> articles) {

		static Detail of(Story story, List<ArticleHit> articles) {
			return new Detail(story.storyId(), story.title(), story.articleCount(), story.sources(),
					story.firstSeenAt(), story.lastSeenAt(), story.entities(), story.tags(), articles);
		}

	}

}
