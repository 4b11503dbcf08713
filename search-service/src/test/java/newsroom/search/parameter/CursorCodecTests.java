package newsroom.search.parameter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CursorCodecTests {

	private final CursorCodec cursors = new CursorCodec("test-secret".getBytes(StandardCharsets.UTF_8));

	@Test
	void roundTripsRelevanceCursorWithScore() {
		String cursor = this.cursors.encode(Order.RELEVANCE,
				List.of(FieldValue.of(3.25), FieldValue.of(1730455200000L), FieldValue.of("id-1")), "fp");
		CursorCodec.Decoded<Order> decoded = this.cursors.decode(cursor, "fp", Order.RELEVANCE, Order.ALL);
		assertThat(decoded.problem()).isNull();
		assertThat(decoded.order()).isEqualTo(Order.RELEVANCE);
		assertThat(decoded.after().get(0).doubleValue()).isEqualTo(3.25);
		assertThat(decoded.after().get(1).longValue()).isEqualTo(1730455200000L);
		assertThat(decoded.after().get(2).stringValue()).isEqualTo("id-1");
	}

	@Test
	void refusesACursorOfAnotherEndpointWithTheSameOrderName() {
		String stories = this.cursors.encode(Order.NEWEST, List.of(FieldValue.of(1L), FieldValue.of("s-1")),
				CursorCodec.fingerprint(List.of("stories", "newest")));
		CursorCodec.Decoded<Order> decoded = this.cursors.decode(stories,
				CursorCodec.fingerprint(List.of("search", "newest")), Order.NEWEST, Order.ALL);
		assertThat(decoded.problem()).contains("different search");
		assertThat(decoded.after()).isEmpty();
	}

	@Test
	void fingerprintsRepeatableValuesWhateverTheirOrder() {
		assertThat(CursorCodec.fingerprint(List.of(CursorCodec.unordered(List.of("a", "b")))))
			.isEqualTo(CursorCodec.fingerprint(List.of(CursorCodec.unordered(List.of("b", "a")))))
			.isNotEqualTo(CursorCodec.fingerprint(List.of(CursorCodec.unordered(List.of("a", "c")))));
	}

	private enum Order implements CursorCodec.Order {

		RELEVANCE(3), NEWEST(2);

		static final List<Order> ALL = List.of(values());

		private final int count;

		Order(int count) {
			this.count = count;
		}

		@Override
		public String parameterValue() {
			return name().toLowerCase(Locale.ROOT);
		}

		@Override
		public int sortValueCount() {
			return this.count;
		}

	}

}
