package newsroom.search.trend;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Period;

import newsroom.search.parameter.InvalidParametersException;

/**
 * The {@code window} parameter of {@code GET /api/v1/trends}: an ISO-8601 duration from
 * one hour ({@code PT1H}) to a year ({@code P366D}); days and weeks may be written as a
 * period ({@code P1D}, {@code P2W}).
 */
final class TrendWindow {

	static final Duration DEFAULT = Duration.ofDays(1);

	static final Duration MIN = Duration.ofHours(1);

	static final Duration MAX = Duration.ofDays(366);

	private TrendWindow() {
	}

	/**
	 * Read the parameter.
	 * @param value the raw parameter, {@code null} when absent
	 * @return the window
	 * @throws InvalidParametersException when it is not a duration within bounds
	 */
	static Duration parse(String value) {
		if (value == null) {
			return DEFAULT;
		}
		Duration window = duration(value.strip());
		if (window == null || window.compareTo(MIN) < 0 || window.compareTo(MAX) > 0) {
			throw InvalidParametersException.of("window",
					"must be an ISO-8601 duration from PT1H to P366D (PT6H, P1D, P7D, P1W), was '" + value + "'");
		}
		return window;
	}

	private static Duration duration(String text) {
		try {
			return Duration.parse(text);
		}
		catch (DateTimeException ex) {
			// Perhaps a period: P1W is not a Duration.
		}
		try {
			Period period = Period.parse(text);
			if (period.getYears() != 0 || period.getMonths() != 0) {
				// Months and years have no fixed length.
				return null;
			}
			return Duration.ofDays(period.getDays());
		}
		catch (DateTimeException | ArithmeticException ex) {
			return null;
		}
	}

}
