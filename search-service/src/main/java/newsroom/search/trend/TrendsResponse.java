package newsroom.search.trend;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/trends}.
 *
 * @param entities the entities mentioned by more articles in the window than in the
 * window before it, the largest rise first
 * @param from start of the window (inclusive)
 * @param to end of the window (exclusive): the time of the request
 */
record TrendsResponse(List<TrendingEntity> entities, Instant from, Instant to) {

	/**
	 * An entity on the rise.
	 *
	 * @param name the entity's name
	 * @param type PERSON, ORGANIZATION or LOCATION
	 * @param count articles published in the window that mention it
	 * @param previousCount articles published in the window before that mention it
	 */
	record TrendingEntity(String name, String type, long count, long previousCount) {

		long rise() {
			return this.count - this.previousCount;
		}

	}

}
