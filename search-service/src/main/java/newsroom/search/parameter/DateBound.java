package newsroom.search.parameter;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * One end of the publication range of a search ({@code from} or {@code to}): a date
 * bounds whole UTC days, a date-time bounds the instant it names (no offset meaning UTC).
 *
 * @param instant where the range starts or ends
 * @param exclusive whether {@code instant} itself is outside the range (the end of a
 * range given as a date: the start of the next day)
 */
public record DateBound(Instant instant, boolean exclusive) {

	/** Elasticsearch's date type stops short of five-digit years. */
	private static final int MAX_YEAR = 9999;

	/**
	 * Read a {@code from} or {@code to} parameter.
	 * @param value the raw parameter
	 * @param upper whether it ends the range ({@code to}): a date then includes all of
	 * its day
	 * @return the bound, or empty when the value is not an ISO-8601 date or date-time
	 * from year 1 to 9999
	 */
	public static Optional<DateBound> parse(String value, boolean upper) {
		String text = value.strip();
		try {
			if (text.length() <= 10 && !text.contains("T")) {
				LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
				// A date bounds whole days: "to=2024-11-01" includes all of the 1st
				// (UTC).
				DateBound bound = upper ? new DateBound(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), true)
						: new DateBound(date.atStartOfDay(ZoneOffset.UTC).toInstant(), false);
				return inRange(date.getYear(), bound);
			}
			TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from,
					LocalDateTime::from);
			ZonedDateTime dateTime = (parsed instanceof ZonedDateTime zoned) ? zoned
					: ((LocalDateTime) parsed).atZone(ZoneOffset.UTC);
			return inRange(dateTime.getYear(), new DateBound(dateTime.toInstant(), false));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Read a {@code from} parameter.
	 * @param value the raw parameter, {@code null} when absent
	 * @return the start of the range, empty when absent or not a date or date-time
	 */
	public static Optional<DateBound> from(String value) {
		return (value != null) ? parse(value, false) : Optional.empty();
	}

	/**
	 * Read a {@code to} parameter: a date includes all of its day.
	 * @param value the raw parameter, {@code null} when absent
	 * @return the end of the range, empty when absent or not a date or date-time
	 */
	public static Optional<DateBound> to(String value) {
		return (value != null) ? parse(value, true) : Optional.empty();
	}

	private static Optional<DateBound> inRange(int year, DateBound bound) {
		return (year >= 1 && year <= MAX_YEAR) ? Optional.of(bound) : Optional.empty();
	}

	/**
	 * Whether a range from {@code start} to this end holds no instant at all.
	 * @param start the start of the range
	 * @return {@code true} when this end lies before the start
	 */
	public boolean endsBefore(DateBound start) {
		return this.exclusive ? !start.instant().isBefore(this.instant) : start.instant().isAfter(this.instant);
	}

}
