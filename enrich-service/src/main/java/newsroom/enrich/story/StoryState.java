package newsroom.enrich.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.LongStream;

import newsroom.enrich.story.ArticleProfile.ProfileEntity;
import newsroom.events.Story;
import newsroom.events.StoryEntity;
import org.jspecify.annotations.Nullable;

/**
 * One story as the index holds it: what its snapshot says, every member article known,
 * and the features of its newest members, which new articles are compared with. Not
 * thread-safe: the index guards it.
 *
 * <p>
 * The article count is the larger of the count the latest snapshot read reported and the
 * members known. Both only ever hold real members, so neither overcounts: an article
 * counts once however often it arrives, and a snapshot that missed an article another
 * thread or instance added at the same moment is corrected as soon as that article's own
 * record is read.
 */
final class StoryState {

	/** How many of its newest members a story is compared by. */
	static final int RECENT_MEMBERS = 20;

	private static final int MAX_TAGS = 5;

	private final String id;

	private @Nullable String title;

	private @Nullable Instant firstSeenAt;

	private @Nullable Instant lastSeenAt;

	private final Set<String> sources;

	/**
	 * Member id to its publication time, {@code null} when known from a snapshot only.
	 */
	private final Map<String, @Nullable Instant> members;

	private int reportedCount;

	/** When an article last joined, by the clock, in epoch millis. */
	private long joinedAt = Long.MIN_VALUE;

	/** The newest members' features, newest first. */
	private final List<Features> recent;

	private List<StoryEntity> snapshotEntities = List.of();

	private List<String> snapshotTags = List.of();

	StoryState(String id) {
		this(id, null, new LinkedHashSet<>(), new LinkedHashMap<>(), new ArrayList<>());
	}

	private StoryState(String id, @Nullable String title, Set<String> sources, Map<String, @Nullable Instant> members,
			List<Features> recent) {
		this.id = id;
		this.title = title;
		this.sources = sources;
		this.members = members;
		this.recent = recent;
	}

	/** A copy to change inside one transaction, leaving this one as it was. */
	StoryState copy() {
		StoryState copy = new StoryState(this.id, this.title, new LinkedHashSet<>(this.sources),
				new LinkedHashMap<>(this.members), new ArrayList<>(this.recent));
		copy.firstSeenAt = this.firstSeenAt;
		copy.lastSeenAt = this.lastSeenAt;
		copy.reportedCount = this.reportedCount;
		copy.joinedAt = this.joinedAt;
		copy.snapshotEntities = this.snapshotEntities;
		copy.snapshotTags = this.snapshotTags;
		return copy;
	}

	String id() {
		return this.id;
	}

	/** Known only from a member's record so far: not offered to new articles yet. */
	boolean provisional() {
		return this.title == null;
	}

	void setTitle(String title) {
		if (this.title == null) {
			this.title = title;
		}
	}

	long joinedAt() {
		return this.joinedAt;
	}

	void joinedAt(long time) {
		this.joinedAt = Math.max(this.joinedAt, time);
	}

	boolean hasMember(String articleId) {
		return this.members.containsKey(articleId);
	}

	List<Features> recent() {
		return this.recent;
	}

	int articleCount() {
		return Math.max(this.reportedCount, this.members.size());
	}

	/**
	 * Add an article, or a new revision of one; idempotent.
	 * @param features the article's features
	 * @return whether it was not a member before
	 */
	boolean addMember(Features features) {
		Instant published = Instant.ofEpochMilli(features.publishedAt());
		boolean added = !this.members.containsKey(features.articleId());
		this.members.put(features.articleId(), published);
		this.sources.add(features.source());
		seen(published, published);
		this.recent.removeIf((member) -> member.articleId().equals(features.articleId()));
		int at = 0;
		while (at < this.recent.size() && this.recent.get(at).publishedAt() > features.publishedAt()) {
			at++;
		}
		this.recent.add(at, features);
		if (this.recent.size() > RECENT_MEMBERS) {
			this.recent.remove(this.recent.size() - 1);
		}
		return added;
	}

	/**
	 * Merge a snapshot read from the stories topic: written by this instance or another,
	 * newer or older than what is known here.
	 * @param snapshot the snapshot
	 */
	void addSnapshot(Story snapshot) {
		setTitle(snapshot.title());
		this.reportedCount = Math.max(this.reportedCount, snapshot.articleCount());
		this.sources.addAll(snapshot.sources());
		snapshot.articleIds().forEach((articleId) -> this.members.putIfAbsent(articleId, null));
		seen(snapshot.firstSeenAt(), snapshot.lastSeenAt());
		this.snapshotEntities = snapshot.entities();
		this.snapshotTags = snapshot.tags();
	}

	private void seen(Instant first, Instant last) {
		if (this.firstSeenAt == null || first.isBefore(this.firstSeenAt)) {
			this.firstSeenAt = first;
		}
		if (this.lastSeenAt == null || last.isAfter(this.lastSeenAt)) {
			this.lastSeenAt = last;
		}
	}

	/** The keys under which the index finds this story: its newest members', sorted. */
	long[] lookupKeys() {
		return this.recent.stream()
			.flatMapToLong((member) -> LongStream.of(member.lookupKeys()))
			.sorted()
			.distinct()
			.toArray();
	}

	/**
	 * The story as {@code news.stories.v1} publishes it.
	 * @return the snapshot
	 */
	Story snapshot() {
		return new Story(Story.SCHEMA_VERSION, this.id, (this.title != null) ? this.title : "", articleCount(),
				List.copyOf(this.sources), newestIds(), this.firstSeenAt, this.lastSeenAt, entities(), tags());
	}

	/**
	 * The ids of the newest members by publication time, newest first; members known from
	 * a snapshot alone come last, in that snapshot's order. Picked with a bounded heap: a
	 * story of thousands of articles is not sorted whole on every join.
	 */
	private List<String> newestIds() {
		Comparator<Member> newestFirst = Comparator
			.comparing(Member::published, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
			.thenComparingInt(Member::order);
		PriorityQueue<Member> newest = new PriorityQueue<>(Story.MAX_ARTICLE_IDS + 1, newestFirst.reversed());
		int order = 0;
		for (Map.Entry<String, @Nullable Instant> member : this.members.entrySet()) {
			newest.add(new Member(member.getKey(), member.getValue(), order++));
			if (newest.size() > Story.MAX_ARTICLE_IDS) {
				newest.poll();
			}
		}
		return newest.stream().sorted(newestFirst).map(Member::id).toList();
	}

	/**
	 * The entities most salient across the newest members: salience summed over the
	 * entities that share a key, each named by its fullest name.
	 */
	private List<StoryEntity> entities() {
		if (this.recent.isEmpty()) {
			return this.snapshotEntities;
		}
		List<EntityTotal> totals = new ArrayList<>();
		for (Features member : this.recent) {
			for (ProfileEntity entity : member.entities()) {
				totals.stream()
					.filter((total) -> total.matches(entity))
					.findFirst()
					.ifPresentOrElse((total) -> total.add(entity), () -> totals.add(new EntityTotal(entity)));
			}
		}
		return totals.stream()
			.sorted(Comparator.comparingDouble(EntityTotal::salience).reversed())
			.limit(Story.MAX_ENTITIES)
			.map(EntityTotal::toStoryEntity)
			.toList();
	}

	/**
	 * The tags of the newest members, most frequent first, the first tag counting most.
	 */
	private List<String> tags() {
		if (this.recent.isEmpty()) {
			return this.snapshotTags;
		}
		Map<String, Double> weights = new LinkedHashMap<>();
		for (Features member : this.recent) {
			List<String> tags = member.tags();
			for (int rank = 0; rank < tags.size(); rank++) {
				weights.merge(tags.get(rank), 1.0 / (1 + rank), Double::sum);
			}
		}
		return weights.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
			.limit(MAX_TAGS)
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * A member for picking the newest.
	 *
	 * @param id its id
	 * @param published its publication time, {@code null} when unknown
	 * @param order its place among the members, for a stable order
	 */
	private record Member(String id, @Nullable Instant published, int order) {
	}

	/** One entity of the story, summed over the articles that name it. */
	private static final class EntityTotal {

		private final Set<String> keys = new HashSet<>();

		private ProfileEntity fullest;

		private double salience;

		EntityTotal(ProfileEntity entity) {
			this.fullest = entity;
			add(entity);
		}

		boolean matches(ProfileEntity entity) {
			return entity.keys().stream().anyMatch(this.keys::contains);
		}

		void add(ProfileEntity entity) {
			this.keys.addAll(entity.keys());
			this.salience += entity.salience();
			if (entity.name().length() > this.fullest.name().length()) {
				this.fullest = entity;
			}
		}

		double salience() {
			return this.salience;
		}

		StoryEntity toStoryEntity() {
			return new StoryEntity(this.fullest.name(), this.fullest.type());
		}

	}

}
