package newsroom.search.query;

import java.nio.charset.StandardCharsets;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CursorCodecTests {

	private final CursorCodec cursors = new CursorCodec("test-secret".getBytes(StandardCharsets.UTF_8));

	@Test
	void roundTripsRelevanceCursorWithScore() {
		Cursor cursor = new Cursor(HitOrder.RELEVANCE,
				List.of(FieldValue.of(3.25), FieldValue.of(1730455200000L), FieldValue.of("id-1")));
		CursorCodec.Decoded decoded = this.cursors.decode(this.cursors.encode(cursor, "fp"), "fp", HitOrder.RELEVANCE);
		assertThat(decoded.problem()).isNull();
		assertThat(decoded.cursor().sort()).isEqualTo(HitOrder.RELEVANCE);
		assertThat(decoded.cursor().after().get(0).doubleValue()).isEqualTo(3.25);
		assertThat(decoded.cursor().after().get(1).longValue()).isEqualTo(1730455200000L);
		assertThat(decoded.cursor().after().get(2).stringValue()).isEqualTo("id-1");
	}

}
