package newsroom.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The options: only a run as the issue asks for it (60 s phases, the bounds as they ship)
 * writes the project's figures; comparisons and shorter runs write a file of their own.
 */
class LoadOptionsTests {

	private static final Path ROOT = Path.of("/repo");

	@Test
	void runsTheIssuesLoadByDefault() {
		LoadOptions options = LoadOptions.parse(ROOT);

		assertThat(options.full()).isTrue();
		assertThat(options.factor()).isEqualTo(10);
		assertThat(options.ingestSeconds()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.searchClients()).isEqualTo(64);
		assertThat(options.maxInFlight()).isEqualTo(256);
		assertThat(options.serviceSettings()).isEmpty();
	}

	@Test
	void marksShorterPhasesAndComparisonsAsNotTheProjectsFigures() {
		assertThat(LoadOptions.parse(ROOT, "--ingest-seconds", "20").full()).isFalse();
		assertThat(LoadOptions.parse(ROOT, "--max-in-flight", "1024").full()).isFalse();
		LoadOptions withoutLimit = LoadOptions.parse(ROOT, "--absorb-rate", "30", "--no-in-flight-limit");

		assertThat(withoutLimit.full()).isFalse();
		assertThat(withoutLimit.absorbRate()).isEqualTo(30);
		assertThat(withoutLimit.serviceSettings()).isEqualTo(Map.of("NEWSROOM_IN_FLIGHT_LIMIT_ENABLED", "false"));
	}

	@Test
	void refusesUnknownOptionsAndMissingOrNonPositiveValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(ROOT, "--faster"));
		assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(ROOT, "--absorb-rate"));
		assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(ROOT, "--ingest-seconds", "0"));
	}

}
