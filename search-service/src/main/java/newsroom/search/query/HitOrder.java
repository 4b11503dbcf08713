package newsroom.search.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How search hits are ordered (the {@code sort} parameter). Both orders end with the
 * article id so that every hit has a unique position, which cursors rely on.
 */
enum HitOrder {

	/** Best match first, then newest. */
	RELEVANCE(3),

	/** Most recently published first. */
	NEWEST(2);

	private final int sortValueCount;

	HitOrder(int sortValueCount) {
		this.sortValueCount = sortValueCount;
	}

	/**
	 * How many sort values each hit carries in this order (and so a cursor for it).
	 */
	int sortValueCount() {
		return this.sortValueCount;
	}

	String parameterValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<HitOrder> fromParameter(String value) {
		return Arrays.stream(values()).filter((order) -> order.parameterValue().equals(value)).findFirst();
	}

}
