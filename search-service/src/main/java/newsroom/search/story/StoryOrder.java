package newsroom.search.story;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import newsroom.search.parameter.CursorCodec;

/**
 * How stories are listed (the {@code sort} parameter of {@code /api/v1/stories}). Both
 * orders end with the story id, so that every story has a unique position for cursors.
 */
enum StoryOrder implements CursorCodec.Order {

	/** Most articles first, then the most recent, then by id. */
	SIZE(3),

	/** The most recent article first ({@code lastSeenAt}), then by id. */
	NEWEST(2);

	/** Every order, for reading cursors. */
	static final List<StoryOrder> ALL = List.of(values());

	private final int sortValueCount;

	StoryOrder(int sortValueCount) {
		this.sortValueCount = sortValueCount;
	}

	@Override
	public String parameterValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public int sortValueCount() {
		return this.sortValueCount;
	}

	static Optional<StoryOrder> fromParameter(String value) {
		return Arrays.stream(values()).filter((order) -> order.parameterValue().equals(value)).findFirst();
	}

}
