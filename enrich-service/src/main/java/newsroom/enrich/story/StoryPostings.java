package newsroom.enrich.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An inverted index from the lookup keys of stories' newest articles (heaviest terms and
 * entities, {@link Features#lookupKeys()}) to the stories, so that a new article is only
 * compared with stories that share something with it. Not thread-safe: the story index
 * guards it.
 */
final class StoryPostings {

	/** A key in more stories than this finds no candidates. */
	static final int MAX_POSTED = 2_000;

	private final Map<Long, Set<StoryState>> postings = new HashMap<>();

	/** Each story's keys as posted, sorted: a primitive array costs a tenth of a set. */
	private final Map<String, long[]> indexedKeys = new HashMap<>();

	/** Lookups so far: the round of {@link StoryState#sharedRound}. */
	private long rounds;

	/**
	 * Post a story under the keys of its newest articles, and no longer under keys they
	 * lost.
	 * @param story the story, after it changed
	 */
	void index(StoryState story) {
		long[] keys = story.lookupKeys();
		long[] old = this.indexedKeys.put(story.id(), keys);
		if (old != null) {
			for (long key : old) {
				if (Arrays.binarySearch(keys, key) < 0) {
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
		long[] keys = this.indexedKeys.remove(story.id());
		if (keys != null) {
			for (long key : keys) {
				unpost(key, story);
			}
		}
	}

	/**
	 * The stories that share the most keys with an article, offered once their snapshot
	 * is known: the scoring cost stays bounded when a name or a word is in thousands of
	 * stories.
	 * @param keys the article's lookup keys
	 * @param limit how many stories at most
	 * @return the stories sharing most keys first, the most recently joined first among
	 * equals
	 */
	List<StoryState> candidates(long[] keys, int limit) {
		// Counted on the stories themselves rather than in a map: a lookup visits up to
		// thousands of stories per key, and hashing and boxing each visit was most of
		// its cost. Each lookup is a new round, so no count needs resetting.
		long round = ++this.rounds;
		List<StoryState> shared = new ArrayList<>();
		for (long key : keys) {
			Set<StoryState> posted = this.postings.getOrDefault(key, Set.of());
			if (posted.size() > MAX_POSTED) {
				// In this many stories a word or a name tells none of them apart.
				continue;
			}
			for (StoryState story : posted) {
				if (story.sharedRound != round) {
					if (story.provisional()) {
						continue;
					}
					story.sharedRound = round;
					story.sharedKeys = 0;
					shared.add(story);
				}
				story.sharedKeys++;
			}
		}
		// The most shared keys first, without sorting or bucketing thousands of stories:
		// a histogram of the counts gives the fewest keys a candidate may share, and only
		// the stories sharing exactly that many compete for the places left, the most
		// recently joined first.
		int[] histogram = new int[keys.length + 1];
		for (StoryState story : shared) {
			histogram[Math.min(story.sharedKeys, keys.length)]++;
		}
		int cut = keys.length;
		int above = 0;
		while (cut > 0 && above + histogram[cut] < limit) {
			above += histogram[cut];
			cut--;
		}
		List<StoryState> candidates = new ArrayList<>(limit);
		List<StoryState> atCut = new ArrayList<>();
		for (StoryState story : shared) {
			int count = Math.min(story.sharedKeys, keys.length);
			if (count > cut) {
				candidates.add(story);
			}
			else if (count == cut && cut > 0) {
				atCut.add(story);
			}
		}
		atCut.sort(Comparator.comparingLong((StoryState story) -> -story.joinedAt()).thenComparing(StoryState::id));
		candidates.addAll(atCut.subList(0, Math.min(atCut.size(), limit - candidates.size())));
		candidates.sort(Comparator.comparingInt((StoryState story) -> -story.sharedKeys));
		return candidates;
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
