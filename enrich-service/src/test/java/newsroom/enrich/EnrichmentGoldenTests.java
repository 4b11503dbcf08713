package newsroom.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enricher's output is exactly what it was before the enricher was made faster: every
 * field, fingerprint, span and story profile of the {@link EnrichmentGolden} articles.
 */
class EnrichmentGoldenTests {

	@Test
	void enrichesTheFixedArticlesExactlyAsTheGoldenFileSays() throws IOException {
		List<String> golden = golden();
		List<String> present = EnrichmentGolden.lines();

		// Line by line, so that a failure names the first article that changed.
		for (int index = 0; index < Math.min(golden.size(), present.size()); index++) {
			assertThat(present.get(index)).isEqualTo(golden.get(index));
		}
		assertThat(present).hasSameSizeAs(golden);
	}

	private static List<String> golden() throws IOException {
		try (InputStream in = EnrichmentGoldenTests.class.getResourceAsStream(EnrichmentGolden.RESOURCE)) {
			assertThat(in).as(EnrichmentGolden.RESOURCE).isNotNull();
			return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
		}
	}

}
