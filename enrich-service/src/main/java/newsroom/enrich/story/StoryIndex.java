package newsroom.enrich.story;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import newsroom.enrich.story.Assignment.Reason;
import newsroom.events.Story;
import org.jspecify.annotations.Nullable;

/**
 * The stories of the recent past, to which each new article is assigned: the story of the
 * article it is a near-duplicate of, else the story whose newest articles it is most
 * similar to ({@link StoryScorer}), else a story of its own, whose id is the article's.
 *
 * <p>
 * It holds the stories that an article joined (or started) within the window by the
 * clock, at most {@code maxStories} of them (the least recently joined leave first), and
 * remembers the story of the last {@value #ARTICLES_PER_STORY} × {@code maxStories}
 * articles, so that a revision or a redelivery keeps its story and counts once. Whether
 * an article may join a story is a matter of publication times ({@link StoryScorer}):
 * held by the clock, compared by publication, so that a replay or a late batch of last
 * week's articles groups them as it would have then. It is filled from the service's
 * topics at start-up and by the transactions that commit ({@link Staging}). Thread-safe.
 */
public final class StoryIndex {

	/** Articles whose story is remembered, per story held. */
	static final int ARTICLES_PER_STORY = 20;

	/** How many of the stories sharing keys with an article it is compared with. */
	static final int MAX_CANDIDATES = 50;

	private static final int SWEEP_EVERY = 1024;

	private final StoryScorer scorer;

	private final int maxStories;

	private final Map<String, StoryState> stories = new HashMap<>();

	private final StoryPostings postings = new StoryPostings();

	private final Map<String, String> assignments;

	private final Clock clock;

	private final long windowMillis;

	private int changes;

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	/**
	 * Create an empty index.
	 * @param scorer compares an article with the articles of a story
	 * @param maxStories the most stories held
	 * @param clock tells when a story was last joined, for keeping it in memory
	 */
	public StoryIndex(StoryScorer scorer, int maxStories, Clock clock) {
		this.scorer = scorer;
		this.maxStories = maxStories;
		this.clock = clock;
		this.windowMillis = scorer.windowMillis();
		int maxArticles = ARTICLES_PER_STORY * maxStories;
		this.assignments = new LinkedHashMap<>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
				return size() > maxArticles;
			}

		};
	}

	/**
	 * A view for one Kafka transaction: its articles see each other's assignments at
	 * once, and the index gets them only on {@link Staging#commit()}.
	 * @return an empty staging area over this index
	 */
	public Staging staging() {
		return new Staging();
	}

	/**
	 * The story an article was assigned to, if the index remembers it.
	 * @param articleId the article's id
	 * @return its story's id
	 */
	public Optional<String> storyOf(String articleId) {
		this.lock.readLock().lock();
		try {
			return Optional.ofNullable(this.assignments.get(articleId));
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * Record that an article is in a story, as its committed record says (this instance's
	 * or another's). Idempotent; a new revision replaces the article's features.
	 * @param articleId the article's id
	 * @param storyId its story's id
	 * @param profile the article's profile
	 * @param writtenAt when the record was written; a story last joined longer ago than
	 * the window is not brought back
	 */
	public void addMember(String articleId, String storyId, ArticleProfile profile, Instant writtenAt) {
		this.lock.writeLock().lock();
		try {
			addMemberLocked(articleId, storyId, profile, writtenAt.toEpochMilli(), true);
			changed();
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * Merge a story's snapshot read from the stories topic (this instance's or
	 * another's).
	 * @param snapshot the snapshot
	 * @param writtenAt when it was written; a story last joined longer ago than the
	 * window is not brought back
	 */
	public void addSnapshot(Story snapshot, Instant writtenAt) {
		this.lock.writeLock().lock();
		try {
			addSnapshotLocked(snapshot, writtenAt.toEpochMilli());
			changed();
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * Forget the stories known only from their articles' records, once the topics have
	 * been read to their end: without a snapshot they cannot be published correctly.
	 */
	public void loaded() {
		this.lock.writeLock().lock();
		try {
			List.copyOf(this.stories.values()).stream().filter(StoryState::provisional).forEach(this::remove);
			sweep();
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * How many stories the index holds.
	 * @return the number of stories
	 */
	public int size() {
		this.lock.readLock().lock();
		try {
			return this.stories.size();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	private void addMemberLocked(String articleId, String storyId, ArticleProfile profile, long writtenAt,
			boolean mayHold) {
		this.assignments.put(articleId, storyId);
		StoryState story = mayHold ? held(storyId, writtenAt) : this.stories.get(storyId);
		if (story != null) {
			story.addMember(Features.of(articleId, profile));
			story.joinedAt(writtenAt);
			this.postings.index(story);
		}
	}

	private void addSnapshotLocked(Story snapshot, long writtenAt) {
		snapshot.articleIds().forEach((articleId) -> this.assignments.putIfAbsent(articleId, snapshot.storyId()));
		StoryState story = held(snapshot.storyId(), writtenAt);
		if (story != null) {
			story.addSnapshot(snapshot);
			story.joinedAt(writtenAt);
		}
	}

	/** The story, made if it is new and its record recent enough to hold. */
	private @Nullable StoryState held(String storyId, long writtenAt) {
		StoryState story = this.stories.get(storyId);
		if (story == null && writtenAt >= this.clock.millis() - this.windowMillis) {
			story = new StoryState(storyId);
			this.stories.put(storyId, story);
		}
		return story;
	}

	private void remove(StoryState story) {
		this.stories.remove(story.id());
		this.postings.remove(story);
	}

	private void changed() {
		if (++this.changes % SWEEP_EVERY == 0 || this.stories.size() > this.maxStories + this.maxStories / 10) {
			sweep();
		}
	}

	/**
	 * Drop the stories nothing joined within the window, then the least recently joined
	 * beyond the bound.
	 */
	private void sweep() {
		long oldest = this.clock.millis() - this.windowMillis;
		List.copyOf(this.stories.values()).stream().filter((story) -> story.joinedAt() < oldest).forEach(this::remove);
		int excess = this.stories.size() - this.maxStories;
		if (excess > 0) {
			this.stories.values()
				.stream()
				.sorted(Comparator.comparingLong(StoryState::joinedAt))
				.limit(excess)
				.toList()
				.forEach(this::remove);
		}
	}

	/**
	 * The best story for an article among the open stories of the index that share the
	 * most terms and entities with it, as changed by the transaction, and those the
	 * transaction started.
	 */
	private @Nullable Match bestMatch(Features article, Map<String, StoryState> staged) {
		this.lock.readLock().lock();
		try {
			Map<String, StoryState> candidates = new HashMap<>();
			for (StoryState story : this.postings.candidates(article.lookupKeys(), MAX_CANDIDATES)) {
				candidates.put(story.id(), staged.getOrDefault(story.id(), story));
			}
			staged.forEach(candidates::putIfAbsent);
			Match best = null;
			for (String id : candidates.keySet().stream().sorted().toList()) {
				StoryState story = candidates.get(id);
				for (Features member : story.recent()) {
					StoryScore score = this.scorer.score(article, member);
					if (score.joins() && score.betterThan((best != null) ? best.score() : null)) {
						best = new Match(story.id(), member.articleId(), score);
					}
				}
			}
			return best;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** A copy of an open story of the index to change in a transaction. */
	private @Nullable StoryState copyOf(String storyId) {
		this.lock.readLock().lock();
		try {
			StoryState story = this.stories.get(storyId);
			return (story != null && !story.provisional()) ? story.copy() : null;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	private void commit(List<StagedJoin> joins) {
		this.lock.writeLock().lock();
		try {
			long now = this.clock.millis();
			for (StagedJoin join : joins) {
				// Without a snapshot the article joined nothing new: a story no longer
				// held stays so.
				addMemberLocked(join.articleId(), join.storyId(), join.profile(), now, join.snapshot() != null);
				if (join.snapshot() != null) {
					addSnapshotLocked(join.snapshot(), now);
				}
				changed();
			}
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * The best comparison of an article with a story's articles.
	 *
	 * @param storyId the story
	 * @param articleId the story's article it compared best with
	 * @param score that comparison
	 */
	private record Match(String storyId, String articleId, StoryScore score) {
	}

	/**
	 * Story assignments made by one transaction over the committed index. Used by one
	 * thread.
	 */
	public final class Staging {

		/** Stories the transaction started or changed: changed copies of the index's. */
		private final Map<String, StoryState> staged = new LinkedHashMap<>();

		private final Map<String, String> assigned = new HashMap<>();

		private final List<StagedJoin> joins = new ArrayList<>();

		private Staging() {
		}

		/**
		 * The story an article is in, assigned by this transaction or committed.
		 * @param articleId the article's id
		 * @return its story's id
		 */
		public Optional<String> storyOf(String articleId) {
			String story = this.assigned.get(articleId);
			return (story != null) ? Optional.of(story) : StoryIndex.this.storyOf(articleId);
		}

		/**
		 * Assign an article to a story: the one it is already in (a revision or a
		 * redelivery), its near-duplicate original's, the best-scoring open one, or a new
		 * one of its own.
		 * @param articleId the article's id
		 * @param title its title, the story's title if it starts one
		 * @param profile its profile
		 * @param duplicateOf the article it is a near-duplicate of, or {@code null}
		 * @return the assignment, with the snapshot to publish when the article joined
		 */
		public Assignment assign(String articleId, String title, ArticleProfile profile, @Nullable String duplicateOf) {
			Features article = Features.of(articleId, profile);
			Optional<String> known = storyOf(articleId);
			if (known.isPresent()) {
				this.joins.add(new StagedJoin(articleId, known.get(), profile, null));
				return new Assignment(known.get(), Optional.empty(), Reason.KNOWN, null, null);
			}
			Optional<String> original = (duplicateOf != null) ? storyOf(duplicateOf) : Optional.empty();
			if (original.isPresent()) {
				return join(original.get(), article, profile, Reason.DUPLICATE, null);
			}
			Match best = bestMatch(article, this.staged);
			if (best != null) {
				return join(best.storyId(), article, profile, Reason.MATCHED, best);
			}
			StoryState story = new StoryState(articleId);
			story.setTitle(title);
			this.staged.put(articleId, story);
			return join(articleId, article, profile, Reason.NEW, null);
		}

		private Assignment join(String storyId, Features article, ArticleProfile profile, Reason reason,
				@Nullable Match match) {
			String matched = (match != null) ? match.articleId() : null;
			StoryScore score = (match != null) ? match.score() : null;
			this.assigned.put(article.articleId(), storyId);
			StoryState story = this.staged.get(storyId);
			if (story == null) {
				story = copyOf(storyId);
				if (story == null) {
					// Its story is no longer held: the article is in it, but its snapshot
					// cannot be brought up to date from here.
					this.joins.add(new StagedJoin(article.articleId(), storyId, profile, null));
					return new Assignment(storyId, Optional.empty(), reason, matched, score);
				}
				this.staged.put(storyId, story);
			}
			story.addMember(article);
			Story snapshot = story.snapshot();
			this.joins.add(new StagedJoin(article.articleId(), storyId, profile, snapshot));
			return new Assignment(storyId, Optional.of(snapshot), reason, matched, score);
		}

		/**
		 * Apply every assignment of the transaction to the index, in order.
		 */
		public void commit() {
			StoryIndex.this.commit(this.joins);
		}

	}

}
