package newsroom.enrich.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An inverted index from the lookup keys of stories' newest articles (heaviest terms and
 * entities, {@link Features#lookupKeys()}) to the stories, so that a new article is only
 * compared with stories that share something with it.
 *
 * <p>
 * A lookup visits up to thousands of postings per key, so each story has a number (a
 * slot, reused once the story is forgotten), a key's postings are an array of slots, and
 * the shared keys are counted in an array by slot: a visit reads the next int of one
 * array and bumps an int of another, where a set of stories cost a few cache misses.
 *
 * <p>
 * Changes are not thread-safe: the story index makes them under its write lock. Lookups
 * may run at once under its read lock; each thread counts in its own scratch arrays.
 */
final class StoryPostings {

	/** A key in more stories than this finds no candidates. */
	static final int MAX_POSTED = 2_000;

	private final Map<Long, Slots> postings = new HashMap<>();

	/** Each indexed story's slot and its keys as posted, sorted. */
	private final Map<String, Indexed> indexed = new HashMap<>();

	/** The story in each slot, null in a free one. */
	private StoryState[] stories = new StoryState[1024];

	private final Slots freeSlots = new Slots();

	private int slotsUsed;

	private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

	/**
	 * Post a story under the keys of its newest articles, and no longer under keys they
	 * lost.
	 * @param story the story, after it changed
	 */
	void index(StoryState story) {
		long[] keys = story.lookupKeys();
		Indexed old = this.indexed.get(story.id());
		int slot = (old != null) ? old.slot() : newSlot(story);
		this.indexed.put(story.id(), new Indexed(slot, keys));
		long[] before = (old != null) ? old.keys() : new long[0];
		for (long key : before) {
			if (Arrays.binarySearch(keys, key) < 0) {
				unpost(key, slot);
			}
		}
		for (long key : keys) {
			if (Arrays.binarySearch(before, key) < 0) {
				this.postings.computeIfAbsent(key, (k) -> new Slots()).add(slot);
			}
		}
	}

	/**
	 * Forget a story.
	 * @param story the story
	 */
	void remove(StoryState story) {
		Indexed indexed = this.indexed.remove(story.id());
		if (indexed != null) {
			for (long key : indexed.keys()) {
				unpost(key, indexed.slot());
			}
			this.stories[indexed.slot()] = null;
			this.freeSlots.add(indexed.slot());
		}
	}

	/**
	 * The stories that share the most keys with an article, offered once their snapshot
	 * is known: the scoring cost stays bounded when a name or a word is in thousands of
	 * stories.
	 * @param keys the article's lookup keys
	 * @param limit how many stories at most
	 * @return the stories sharing most keys first, the most recently joined first among
	 * equals at the cut
	 */
	List<StoryState> candidates(long[] keys, int limit) {
		Scratch scratch = this.scratch.get();
		int[] counts = scratch.counts(this.slotsUsed);
		Slots touched = scratch.touched;
		try {
			for (long key : keys) {
				Slots posted = this.postings.get(key);
				if (posted == null || posted.size > MAX_POSTED) {
					// In this many stories a word or a name tells none of them apart.
					continue;
				}
				for (int p = 0; p < posted.size; p++) {
					int slot = posted.slots[p];
					if (counts[slot]++ == 0) {
						touched.add(slot);
					}
				}
			}
			return top(keys.length, limit, counts, touched);
		}
		finally {
			for (int t = 0; t < touched.size; t++) {
				counts[touched.slots[t]] = 0;
			}
			touched.size = 0;
		}
	}

	/**
	 * The most shared keys first, without sorting thousands of stories: a histogram of
	 * the counts gives the fewest keys a candidate may share, and only the stories
	 * sharing exactly that many compete for the places left, the most recently joined
	 * first.
	 */
	private List<StoryState> top(int keys, int limit, int[] counts, Slots touched) {
		int[] histogram = new int[keys + 1];
		for (int t = 0; t < touched.size; t++) {
			int slot = touched.slots[t];
			if (this.stories[slot].provisional()) {
				// Known only from a member's record so far: as if it shared nothing.
				counts[slot] = 0;
			}
			histogram[Math.min(counts[slot], keys)]++;
		}
		int cut = keys;
		int above = 0;
		while (cut > 0 && above + histogram[cut] < limit) {
			above += histogram[cut];
			cut--;
		}
		List<Candidate> candidates = new ArrayList<>(limit);
		List<Candidate> atCut = new ArrayList<>();
		for (int t = 0; t < touched.size; t++) {
			int slot = touched.slots[t];
			int count = Math.min(counts[slot], keys);
			if (count > cut) {
				candidates.add(new Candidate(this.stories[slot], count));
			}
			else if (count == cut && cut > 0) {
				atCut.add(new Candidate(this.stories[slot], count));
			}
		}
		atCut.sort(Comparator.comparingLong((Candidate candidate) -> -candidate.story().joinedAt())
			.thenComparing((candidate) -> candidate.story().id()));
		candidates.addAll(atCut.subList(0, Math.min(atCut.size(), limit - candidates.size())));
		candidates.sort(Comparator.comparingInt((Candidate candidate) -> -candidate.shared()));
		return candidates.stream().map(Candidate::story).toList();
	}

	private int newSlot(StoryState story) {
		int slot;
		if (this.freeSlots.size > 0) {
			slot = this.freeSlots.slots[--this.freeSlots.size];
		}
		else {
			slot = this.slotsUsed++;
			if (slot == this.stories.length) {
				this.stories = Arrays.copyOf(this.stories, 2 * slot);
			}
		}
		this.stories[slot] = story;
		return slot;
	}

	private void unpost(long key, int slot) {
		Slots posted = this.postings.get(key);
		if (posted != null) {
			posted.remove(slot);
			if (posted.size == 0) {
				this.postings.remove(key);
			}
		}
	}

	/**
	 * A story and how many of the article's keys it shares.
	 *
	 * @param story the story
	 * @param shared the keys it shares
	 */
	private record Candidate(StoryState story, int shared) {
	}

	/**
	 * A story's slot and the keys it is posted under.
	 *
	 * @param slot the story's number
	 * @param keys its keys, sorted
	 */
	private record Indexed(int slot, long[] keys) {
	}

	/** A growable array of slots, in no particular order. */
	private static final class Slots {

		private int[] slots = new int[4];

		private int size;

		void add(int slot) {
			if (this.size == this.slots.length) {
				this.slots = Arrays.copyOf(this.slots, 2 * this.size);
			}
			this.slots[this.size++] = slot;
		}

		void remove(int slot) {
			for (int p = 0; p < this.size; p++) {
				if (this.slots[p] == slot) {
					this.slots[p] = this.slots[--this.size];
					return;
				}
			}
		}

	}

	/**
	 * One thread's counts by slot, all zero between lookups, and the slots it touched.
	 */
	private static final class Scratch {

		private int[] counts = new int[0];

		private final Slots touched = new Slots();

		int[] counts(int slots) {
			if (this.counts.length < slots) {
				this.counts = new int[Math.max(slots, 2 * this.counts.length)];
			}
			return this.counts;
		}

	}

}
