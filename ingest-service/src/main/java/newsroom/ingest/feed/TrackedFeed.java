package newsroom.ingest.feed;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A registered feed in memory: its stored state, when it is due, the keys of the entries
 * already handled, and a lock so that a feed is never polled twice at once nor deleted
 * while it is polled.
 */
final class TrackedFeed {

	private volatile StoredFeed state;

	private volatile Instant nextPollAt;

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	private final ReentrantLock lock = new ReentrantLock();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private volatile boolean removed;

	TrackedFeed(StoredFeed state, Instant nextPollAt) {
		this.state = state;
		this.nextPollAt = nextPollAt;
	}

	String id() {
		return this.state.id();
	}

	StoredFeed state() {
		return this.state;
	}

	void state(StoredFeed state) {
		this.state = state;
	}

	Instant nextPollAt() {
		return this.nextPollAt;
	}

	void nextPollAt(Instant next) {
		this.nextPollAt = next;
	}

	Set<String> seen() {
		return this.seen;
	}

	ReentrantLock lock() {
		return this.lock;
	}

	AtomicBoolean scheduled() {
		return this.scheduled;
	}

	boolean removed() {
		return this.removed;
	}

	void markRemoved() {
		this.removed = true;
	}

}
