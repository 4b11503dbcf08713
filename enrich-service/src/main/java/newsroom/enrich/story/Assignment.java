package newsroom.enrich.story;

import java.util.Optional;

import newsroom.events.Story;
import org.jspecify.annotations.Nullable;

/**
 * The story an article was assigned to, and why.
 *
 * @param storyId the story's id
 * @param snapshot the story's new snapshot, to publish, when the article joined it; empty
 * when the article was already in it (a revision or a redelivery) or the story has left
 * the index's window
 * @param reason why the article is in this story
 * @param matched the story's article it compared best with, for {@link Reason#MATCHED}
 * @param score that comparison, for {@link Reason#MATCHED}
 */
public record Assignment(String storyId, Optional<Story> snapshot, Reason reason, @Nullable String matched,
		@Nullable StoryScore score) {

	/** Why an article is in its story. */
	public enum Reason {

		/** It was already: a new revision or a redelivery of an article it holds. */
		KNOWN,

		/** It is a near-duplicate of an article of the story. */
		DUPLICATE,

		/** It is similar enough to an article of the story. */
		MATCHED,

		/** No story was similar enough: it starts its own. */
		NEW

	}

}
