package newsroom.search.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import newsroom.search.parameter.CursorCodec;

/**
 * How search hits are ordered (the {@code sort} parameter). Both orders end with the
 * article id so that every hit has a unique position, which cursors rely on.
 */
enum HitOrder implements CursorCodec.Order {

	/** Best match first, then newest. */
	RELEVANCE(3),

	/** Most recently published first. */
	NEWEST(2);

	/** Every order, for reading cursors. */
	static final List<HitOrder> ALL = List.of(values());

	private final int sortValueCount;

	HitOrder(int sortValueCount) {
		this.sortValueCount = sortValueCount;
	}

	@Override
	public int sortValueCount() {
		return this.sortValueCount;
	}

	@Override
	public String parameterValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<HitOrder> fromParameter(String value) {
		return Arrays.stream(values()).filter((order) -> order.parameterValue().equals(value)).findFirst();
	}

}
