package newsroom.search.parameter;

import java.util.List;
import java.util.Objects;

/**
 * How the search and saved searches (alerts) read their filter values, so that both treat
 * a value alike: stripped, blank ones and repeats dropped.
 */
public final class FilterValues {

	private FilterValues() {
	}

	/**
	 * One value.
	 * @param value as sent, may be {@code null}
	 * @return the value stripped, or {@code null} when it is missing or blank
	 */
	public static String stripped(String value) {
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

	/**
	 * A repeatable value.
	 * @param values as sent, may be {@code null}
	 * @return the values stripped, without blank ones and repeats, in their order
	 */
	public static List<String> values(List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream()
			.filter(Objects::nonNull)
			.map(String::strip)
			.filter((value) -> !value.isEmpty())
			.distinct()
			.toList();
	}

}
