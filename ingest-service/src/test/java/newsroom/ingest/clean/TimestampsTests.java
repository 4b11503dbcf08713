package newsroom.ingest.clean;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTests {

	private static final Instant TEN_UTC = Instant.parse("2024-11-01T10:00:00Z");

	@ParameterizedTest
	@ValueSource(strings = { "2024-11-01T10:00:00Z", "2024-11-01T11:00:00+01:00", "2024-11-01T11:00:00+0100",
			"2024-11-01T10:00:00.000Z", " 2024-11-01T06:00:00-04:00 ", "2024-11-01T11:00:00+01:00[Europe/Paris]" })
	void parsesIsoTimestampsWithAnOffset(String value) {
		assertThat(Timestamps.parse(value)).contains(TEN_UTC);
	}

	@Test
	void readsABareDateAsMidnightUtc() {
		assertThat(Timestamps.parse("2024-11-01")).contains(Instant.parse("2024-11-01T00:00:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "yesterday", "2024-11-01T10:00:00", "01/11/2024", "2024-13-01T10:00:00Z",
			"Fri, 01 Nov 2024 10:00:00 GMT", "1730455200", "" })
	void refusesAnythingElse(String value) {
		assertThat(Timestamps.parse(value)).isEmpty();
	}

}
