package newsroom.search.trend;

import java.time.Duration;

import newsroom.search.parameter.InvalidParametersException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TrendWindowTests {

	@ParameterizedTest
	@CsvSource({ "P1D,PT24H", "PT6H,PT6H", "P7D,PT168H", "P1W,PT168H", "P2W,PT336H", "PT1H,PT1H", "P366D,PT8784H" })
	void readsDurationsAndWeekPeriods(String window, Duration expected) {
		assertThat(TrendWindow.parse(window)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1d", "P", "PT30M", "P367D", "P1M", "P1Y", "-P1D", "P0D", "yesterday" })
	void rejectsWindowsOutsideAnHourToAYear(String window) {
		assertThatExceptionOfType(InvalidParametersException.class).isThrownBy(() -> TrendWindow.parse(window))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("window")));
	}

}
