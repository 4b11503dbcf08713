package newsroom.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The CloudEvents binary-mode headers every Newsroom record carries, as subscribers read
 * them (API.md): names, values and order.
 */
class CloudEventHeadersTests {

	private static final Instant TIME = Instant.parse("2024-11-01T10:00:00.123Z");

	@Test
	void buildsTheSixHeadersInWritingOrder() {
		Map<String, byte[]> headers = CloudEventHeaders.binaryMode("7d1c3f5e-0000-4000-8000-000000000001",
				"/newsroom/enrich-service", CloudEventHeaders.ENRICHED_TYPE, TIME);

		assertThat(text(headers)).containsExactly(Map.entry("ce_specversion", "1.0"),
				Map.entry("ce_id", "7d1c3f5e-0000-4000-8000-000000000001"),
				Map.entry("ce_source", "/newsroom/enrich-service"),
				Map.entry("ce_type", "newsroom.article.enriched.v1"), Map.entry("ce_time", "2024-11-01T10:00:00.123Z"),
				Map.entry("content-type", "application/json"));
	}

	@Test
	void writesValuesInUtf8() {
		Map<String, byte[]> headers = CloudEventHeaders.binaryMode("id", "/newsroom/ingest-service-é",
				CloudEventHeaders.RAW_TYPE, TIME);

		assertThat(headers.get(CloudEventHeaders.SOURCE))
			.isEqualTo("/newsroom/ingest-service-é".getBytes(StandardCharsets.UTF_8));
		assertThat(headers.get(CloudEventHeaders.TYPE))
			.isEqualTo("newsroom.article.raw.v1".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void writesTimeAsIsoInstant() {
		Map<String, byte[]> headers = CloudEventHeaders.binaryMode("id", "/s", CloudEventHeaders.RAW_TYPE,
				Instant.parse("2024-11-01T10:00:00Z"));

		assertThat(text(headers)).containsEntry(CloudEventHeaders.TIME, "2024-11-01T10:00:00Z");
	}

	@Test
	void givesEachEventANewRandomId() {
		String first = text(CloudEventHeaders.binaryMode("/s", CloudEventHeaders.RAW_TYPE, TIME))
			.get(CloudEventHeaders.ID);
		String second = text(CloudEventHeaders.binaryMode("/s", CloudEventHeaders.RAW_TYPE, TIME))
			.get(CloudEventHeaders.ID);

		assertThat(UUID.fromString(first).version()).isEqualTo(4);
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void cannotBeChangedByAPublisher() {
		Map<String, byte[]> headers = CloudEventHeaders.binaryMode("/s", CloudEventHeaders.RAW_TYPE, TIME);

		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> headers.remove(CloudEventHeaders.ID));
	}

	private static Map<String, String> text(Map<String, byte[]> headers) {
		Map<String, String> text = new LinkedHashMap<>();
		headers.forEach((name, value) -> text.put(name, new String(value, StandardCharsets.UTF_8)));
		return text;
	}

}
