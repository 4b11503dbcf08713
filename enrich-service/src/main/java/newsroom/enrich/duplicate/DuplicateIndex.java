package newsroom.enrich.duplicate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * The fingerprints of every article enriched so far, searchable for near-duplicates: two
 * articles are near-duplicates when their {@link SimHash} fingerprints differ in at most
 * {@code maxDistance} of 64 bits. The fingerprint is cut into {@code maxDistance + 1}
 * blocks; by the pigeonhole principle a fingerprint that close agrees exactly with the
 * other on at least one block, so only articles sharing a block are compared.
 *
 * <p>
 * "Earlier" is by the time each article was first enriched, kept across revisions, so
 * that a new revision of the first article never points at its own copy. Thread-safe.
 */
public final class DuplicateIndex {

	private final int maxDistance;

	private final int[] blockStarts;

	private final Map<String, Entry> entries = new HashMap<>();

	private final List<Map<Long, List<Entry>>> blocks = new ArrayList<>();

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	/**
	 * Create an empty index.
	 * @param maxDistance the most bits two near-duplicates' fingerprints may differ in
	 */
	public DuplicateIndex(int maxDistance) {
		if (maxDistance < 0 || maxDistance > 15) {
			throw new IllegalArgumentException("maxDistance must be 0..15, was " + maxDistance);
		}
		this.maxDistance = maxDistance;
		int count = maxDistance + 1;
		this.blockStarts = new int[count + 1];
		for (int i = 0; i <= count; i++) {
			this.blockStarts[i] = i * 64 / count;
		}
		for (int i = 0; i < count; i++) {
			this.blocks.add(new HashMap<>());
		}
	}

	public int maxDistance() {
		return this.maxDistance;
	}

	/**
	 * The article that an article near-duplicates, if an earlier one does.
	 * @param id the article's id
	 * @param fingerprint its fingerprint; 0 (an empty body) never matches
	 * @return the id of the closest earlier near-duplicate (the earliest among equally
	 * close ones)
	 */
	public Optional<String> earlierDuplicate(String id, long fingerprint) {
		if (fingerprint == 0) {
			return Optional.empty();
		}
		return Optional.ofNullable(closest(id, fingerprint, entry(id), (other) -> false))
			.map((match) -> match.entry().id());
	}

	/**
	 * A view for one Kafka transaction: the articles it enriches see each other's
	 * fingerprints at once, and the index gets them only on {@link Staging#commit()}, so
	 * that a rolled-back batch leaves no trace in it.
	 * @return an empty staging area over this index
	 */
	public Staging staging() {
		return new Staging();
	}

	private Entry entry(String id) {
		this.lock.readLock().lock();
		try {
			return this.entries.get(id);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * The closest candidate within the maximum distance that was first seen before
	 * {@code self} (any, when {@code self} is {@code null}), never the article itself nor
	 * an article {@code skipped}.
	 */
	private Match closest(String id, long fingerprint, Entry self, Predicate<String> skipped) {
		this.lock.readLock().lock();
		try {
			Match best = null;
			for (int b = 0; b < this.blocks.size(); b++) {
				for (Entry candidate : this.blocks.get(b).getOrDefault(block(fingerprint, b), List.of())) {
					// The distance first: it is a bit count, and rules out nearly every
					// candidate of a bucket, while the other tests compare strings and
					// look up a map (3.6% of the consumer threads' CPU when they came
					// first).
					int distance = SimHash.distance(fingerprint, candidate.fingerprint());
					if (distance > this.maxDistance || candidate.id().equals(id)
							|| (self != null && !candidate.before(self)) || skipped.test(candidate.id())) {
						continue;
					}
					best = Match.better(best, new Match(candidate, distance));
				}
			}
			return best;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * When an article was first enriched, if it was.
	 * @param id the article's id
	 * @return the time it was first seen
	 */
	public Optional<Instant> firstSeen(String id) {
		this.lock.readLock().lock();
		try {
			return Optional.ofNullable(this.entries.get(id)).map(Entry::firstSeen);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * Record an article's fingerprint; a later revision replaces the fingerprint but
	 * keeps the earliest first-seen time.
	 * @param id the article's id
	 * @param fingerprint its fingerprint; 0 is not recorded
	 * @param firstSeen when it was first enriched
	 */
	public void add(String id, long fingerprint, Instant firstSeen) {
		this.lock.writeLock().lock();
		try {
			Entry old = this.entries.remove(id);
			Instant first = firstSeen;
			if (old != null) {
				unindex(old);
				first = old.firstSeen().isBefore(firstSeen) ? old.firstSeen() : firstSeen;
			}
			if (fingerprint == 0) {
				return;
			}
			Entry entry = new Entry(id, fingerprint, first);
			this.entries.put(id, entry);
			for (int b = 0; b < this.blocks.size(); b++) {
				this.blocks.get(b).computeIfAbsent(block(fingerprint, b), (k) -> new ArrayList<>(1)).add(entry);
			}
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * How many articles the index holds.
	 * @return the number of fingerprints
	 */
	public int size() {
		this.lock.readLock().lock();
		try {
			return this.entries.size();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	private void unindex(Entry entry) {
		for (int b = 0; b < this.blocks.size(); b++) {
			List<Entry> bucket = this.blocks.get(b).get(block(entry.fingerprint(), b));
			if (bucket != null) {
				bucket.remove(entry);
				if (bucket.isEmpty()) {
					this.blocks.get(b).remove(block(entry.fingerprint(), b));
				}
			}
		}
	}

	private long block(long fingerprint, int b) {
		int from = this.blockStarts[b];
		int bits = this.blockStarts[b + 1] - from;
		return (fingerprint >>> from) & ((bits == 64) ? -1L : (1L << bits) - 1);
	}

	/**
	 * A near-duplicate candidate and how many bits it differs in.
	 */
	private record Match(Entry entry, int distance) {

		/** The closer of two, the earlier of two equally close; {@code null} for none. */
		static Match better(Match one, Match other) {
			if (one == null || other == null) {
				return (one != null) ? one : other;
			}
			if (one.distance != other.distance) {
				return (one.distance < other.distance) ? one : other;
			}
			return one.entry.before(other.entry) ? one : other;
		}

	}

	/**
	 * Fingerprints staged by one transaction over the committed index. Used by one
	 * thread.
	 */
	public final class Staging {

		private final DuplicateIndex staged = new DuplicateIndex(DuplicateIndex.this.maxDistance);

		/**
		 * In the order they were staged: a later revision of an id replaces an earlier.
		 */
		private final Map<String, Entry> pending = new LinkedHashMap<>();

		private Staging() {
		}

		/**
		 * As {@link DuplicateIndex#earlierDuplicate}, over the committed and the staged
		 * fingerprints together.
		 * @param id the article's id
		 * @param fingerprint its fingerprint; 0 never matches
		 * @return the id of the closest earlier near-duplicate
		 */
		public Optional<String> earlierDuplicate(String id, long fingerprint) {
			if (fingerprint == 0) {
				return Optional.empty();
			}
			Entry self = this.staged.entry(id);
			if (self == null) {
				self = DuplicateIndex.this.entry(id);
			}
			// An article revised in this batch is compared by its staged fingerprint
			// only.
			Match match = Match.better(DuplicateIndex.this.closest(id, fingerprint, self, this.pending::containsKey),
					this.staged.closest(id, fingerprint, self, (other) -> false));
			return Optional.ofNullable(match).map((found) -> found.entry().id());
		}

		/**
		 * When an article was first enriched, staged or committed.
		 * @param id the article's id
		 * @return the time it was first seen
		 */
		public Optional<Instant> firstSeen(String id) {
			Entry pendingEntry = this.pending.get(id);
			return (pendingEntry != null) ? Optional.of(pendingEntry.firstSeen()) : DuplicateIndex.this.firstSeen(id);
		}

		/**
		 * Stage an article's fingerprint, as {@link DuplicateIndex#add} would add it.
		 * @param id the article's id
		 * @param fingerprint its fingerprint
		 * @param firstSeen when it was first enriched
		 */
		public void add(String id, long fingerprint, Instant firstSeen) {
			this.staged.add(id, fingerprint, firstSeen);
			this.pending.remove(id);
			this.pending.put(id, new Entry(id, fingerprint, firstSeen));
		}

		/**
		 * Add everything staged to the index, in the order it was staged.
		 */
		public void commit() {
			this.pending.values()
				.forEach((entry) -> DuplicateIndex.this.add(entry.id(), entry.fingerprint(), entry.firstSeen()));
		}

	}

	private record Entry(String id, long fingerprint, Instant firstSeen) {

		boolean before(Entry other) {
			if (other == null) {
				return true;
			}
			int order = this.firstSeen.compareTo(other.firstSeen);
			return (order != 0) ? order < 0 : this.id.compareTo(other.id) < 0;
		}

	}

}
