package newsroom.ingest.clean;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses the ISO-8601 timestamps that clients and page metadata carry. A time without an
 * offset is refused (it could be any zone); a bare date means midnight UTC.
 */
public final class Timestamps {

	/**
	 * An ISO local date-time with an offset written {@code +01:00}, {@code +0100} or
	 * {@code Z}.
	 */
	private static final DateTimeFormatter OFFSET_WITHOUT_COLON = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.appendOffset("+HHMM", "Z")
		.toFormatter();

	private Timestamps() {
	}

	/**
	 * Parses an ISO-8601 instant, offset or zoned date-time, or a bare date.
	 * @param value the text, may be {@code null}
	 * @return the instant, or empty when the text is blank or not such a timestamp
	 */
	public static Optional<Instant> parse(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		String text = value.strip();
		try {
			return Optional.of(OffsetDateTime.parse(text).toInstant());
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return Optional.of(ZonedDateTime.parse(text).toInstant());
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return Optional.of(OffsetDateTime.parse(text, OFFSET_WITHOUT_COLON).toInstant());
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
