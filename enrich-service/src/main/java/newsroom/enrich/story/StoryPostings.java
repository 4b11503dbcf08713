package newsroom.enrich.story;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An inverted index from the lookup keys of stories' newest articles (heaviest terms and
 * entities, {@link Features#lookupKeys()}) to the stories, so that a new article is only
 * compared with stories that share something with it. Not thread-safe: the story index
 * guards it.
 */
final class StoryPostings {

	private final Map<Long, Set<StoryState>> postings = new HashMap<>();

	private final Map<String, Set<Long>> indexedKeys = new HashMap<>();

	/**
	 * Post a story under the keys of its newest articles, and no longer under keys they
	 * lost.
	 * @param story the story, after it changed
	 */
	void index(StoryState story) {
		Set<Long> keys = story.lookupKeys();
		Set<Long> old = this.indexedKeys.put(story.id(), keys);
		if (old != null) {
			for (long key : old) {
				if (!keys.contains(key)) {
					unpost(key, story);
				}
			}
		}
		for (long key : keys) {
			this.postings.computeIfAbsent(key, (k) -> new HashSet<>()).add(story);
		}
	}

	/**
	 * Forget a story.
	 * @param story the story
	 */
	void remove(StoryState story) {
		Set<Long> keys = this.indexedKeys.remove(story.id());
		if (keys != null) {
			keys.forEach((key) -> unpost(key, story));
		}
	}

	/**
	 * The stories posted under a key.
	 * @param key a lookup key
	 * @return the stories, possibly none
	 */
	Set<StoryState> stories(long key) {
		return this.postings.getOrDefault(key, Set.of());
	}

	private void unpost(long key, StoryState story) {
		Set<StoryState> posted = this.postings.get(key);
		if (posted != null) {
			posted.remove(story);
			if (posted.isEmpty()) {
				this.postings.remove(key);
			}
		}
	}

}
