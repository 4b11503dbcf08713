package newsroom.enrich.story;

import java.time.Clock;
import java.time.Duration;
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
 * It holds the stories whose latest article was published within the window before the
 * latest publication time seen (capped at the clock, so that one article dated in the
 * future does not push everything out), at most {@code maxStories} of them (the least
 * recently active leave first), and remembers the story of the last
 * {@value #ARTICLES_PER_STORY} × {@code maxStories} articles, so that a revision or a
 * redelivery keeps its story and counts once. It is filled from the service's topics at
 * start-up and by the transactions that commit ({@link Staging}). Thread-safe.
 */
public final class StoryIndex {

	/** Articles whose story is remembered, per story held. */
	static final int ARTICLES_PER_STORY = 20;

	private static final int SWEEP_EVERY = 1024;

	private final StoryScorer scorer;

	private final int maxStories;

	private final Map<String, StoryState> stories = new HashMap<>();

	private final StoryPostings postings = new StoryPostings();

	private final Map<String, String> assignments;

	private final StoryWindow window;

	private int changes;

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	/**
	 * Create an empty index.
	 * @param scorer compares an article with the articles of a story
	 * @param maxStories the most stories held
	 * @param clock caps the latest publication time the window is measured from
	 */
	public StoryIndex(StoryScorer scorer, int maxStories, Clock clock) {
		this.scorer = scorer;
		this.maxStories = maxStories;
		this.window = new StoryWindow(Duration.ofMillis(scorer.windowMillis()), clock);
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
	 */
	public void addMember(String articleId, String storyId, ArticleProfile profile) {
		this.lock.writeLock().lock();
		try {
			addMemberLocked(articleId, storyId, profile);
			changed();
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * Merge a story's snapshot read from the stories topic (this instance's or
	 * another's). A snapshot of a story that has left the window is ignored.
	 * @param snapshot the snapshot
	 */
	public void addSnapshot(Story snapshot) {
		this.lock.writeLock().lock();
		try {
			addSnapshotLocked(snapshot);
			changed();
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * Forget the stories known only from their articles' records, once the topics have
	 * been read to their end: without a snapshot they cannot be published correctly. They
	 * are those that left the window.
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

	private void addMemberLocked(String articleId, String storyId, ArticleProfile profile) {
		this.window.advance(profile.publishedAt());
		this.assignments.put(articleId, storyId);
		StoryState story = this.stories.get(storyId);
		if (story == null) {
			if (!this.window.contains(profile.publishedAt())) {
				return;
			}
			story = new StoryState(storyId);
			this.stories.put(storyId, story);
		}
		story.addMember(Features.of(articleId, profile));
		this.postings.index(story);
	}

	private void addSnapshotLocked(Story snapshot) {
		this.window.advance(snapshot.lastSeenAt());
		StoryState story = this.stories.get(snapshot.storyId());
		if (story == null) {
			if (!this.window.contains(snapshot.lastSeenAt())) {
				return;
			}
			story = new StoryState(snapshot.storyId());
			this.stories.put(snapshot.storyId(), story);
		}
		story.addSnapshot(snapshot);
		snapshot.articleIds().forEach((articleId) -> this.assignments.putIfAbsent(articleId, snapshot.storyId()));
	}

	/** Offered to new articles: in the window, and its snapshot known. */
	private boolean open(StoryState story) {
		return !story.provisional() && this.window.contains(story.lastSeenAt());
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

	/** Drop the stories that left the window, then the least recent beyond the bound. */
	private void sweep() {
		List.copyOf(this.stories.values())
			.stream()
			.filter((story) -> !this.window.contains(story.lastSeenAt()))
			.forEach(this::remove);
		int excess = this.stories.size() - this.maxStories;
		if (excess > 0) {
			this.stories.values()
				.stream()
				.sorted(Comparator.comparing(StoryState::lastSeenAt, Comparator.nullsFirst(Comparator.naturalOrder())))
				.limit(excess)
				.toList()
				.forEach(this::remove);
		}
	}

	/**
	 * The best story for an article among the open stories of the index that share a term
	 * or an entity with it, as changed by the transaction, and those the transaction
	 * started.
	 */
	private @Nullable Match bestMatch(Features article, Map<String, StoryState> staged) {
		this.lock.readLock().lock();
		try {
			Map<String, StoryState> candidates = new HashMap<>();
			for (long key : article.lookupKeys()) {
				for (StoryState story : this.postings.stories(key)) {
					if (open(story)) {
						candidates.putIfAbsent(story.id(), staged.getOrDefault(story.id(), story));
					}
				}
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
			return (story != null && open(story)) ? story.copy() : null;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	private void commit(List<Join> joins) {
		this.lock.writeLock().lock();
		try {
			for (Join join : joins) {
				addMemberLocked(join.articleId(), join.storyId(), join.profile());
				if (join.snapshot() != null) {
					addSnapshotLocked(join.snapshot());
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
	 * An article assigned in a transaction, to apply to the index when it commits.
	 *
	 * @param articleId the article
	 * @param storyId its story
	 * @param profile its profile
	 * @param snapshot the story's snapshot the transaction publishes, if it does
	 */
	private record Join(String articleId, String storyId, ArticleProfile profile, @Nullable Story snapshot) {
	}

	/**
	 * Story assignments made by one transaction over the committed index. Used by one
	 * thread.
	 */
	public final class Staging {

		/** Stories the transaction started or changed: changed copies of the index's. */
		private final Map<String, StoryState> staged = new LinkedHashMap<>();

		private final Map<String, String> assigned = new HashMap<>();

		private final List<Join> joins = new ArrayList<>();

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
				this.joins.add(new Join(articleId, known.get(), profile, null));
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
					// Its story left the window: the article is in it, but its snapshot
					// cannot be brought up to date from here.
					this.joins.add(new Join(article.articleId(), storyId, profile, null));
					return new Assignment(storyId, Optional.empty(), reason, matched, score);
				}
				this.staged.put(storyId, story);
			}
			story.addMember(article);
			Story snapshot = story.snapshot();
			this.joins.add(new Join(article.articleId(), storyId, profile, snapshot));
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
