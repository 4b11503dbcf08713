package newsroom.enrich.duplicate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

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
		this.lock.readLock().lock();
		try {
			Entry self = this.entries.get(id);
			Entry best = null;
			int bestDistance = Integer.MAX_VALUE;
			for (int b = 0; b < this.blocks.size(); b++) {
				for (Entry candidate : this.blocks.get(b).getOrDefault(block(fingerprint, b), List.of())) {
					if (candidate.id().equals(id) || (self != null && !candidate.before(self))) {
						continue;
					}
					int distance = SimHash.distance(fingerprint, candidate.fingerprint());
					if (distance <= this.maxDistance
							&& (distance < bestDistance || (distance == bestDistance && candidate.before(best)))) {
						best = candidate;
						bestDistance = distance;
					}
				}
			}
			return Optional.ofNullable(best).map(Entry::id);
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
