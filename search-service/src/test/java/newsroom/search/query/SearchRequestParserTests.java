package newsroom.search.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SearchRequestParserTests {

	private final CursorCodec cursors = new CursorCodec("test-secret".getBytes(StandardCharsets.UTF_8));

	private final SearchRequestParser parser = new SearchRequestParser(this.cursors);

	@Test
	void appliesDefaultsWithoutParameters() {
		SearchRequest request = this.parser.parse(params(Map.of()));
		assertThat(request.text()).isNull();
		assertThat(request.size()).isEqualTo(20);
		assertThat(request.sort()).isEqualTo(SortOrder.NEWEST);
		assertThat(request.entities()).isEmpty();
		assertThat(request.cursor()).isNull();
	}

	@Test
	void sortsByRelevanceByDefaultWhenTextIsGiven() {
		SearchRequest request = this.parser.parse(params(Map.of("q", List.of("troops"))));
		assertThat(request.text()).isEqualTo("troops");
		assertThat(request.sort()).isEqualTo(SortOrder.RELEVANCE);
	}

	@Test
	void treatsBlankTextAsNoText() {
		SearchRequest request = this.parser.parse(params(Map.of("q", List.of("   "))));
		assertThat(request.text()).isNull();
		assertThat(request.sort()).isEqualTo(SortOrder.NEWEST);
	}

	@Test
	void collectsRepeatedFiltersWithoutBlanksOrDuplicates() {
		SearchRequest request = parser.parse(params(Map.of("entity", List.of("Russia", " North Korea ", "", "Russia"),
				"tag", List.of("politics"), "source", List.of("eastside", "westside"), "language", List.of("en"))));
		assertThat(request.entities()).containsExactly("Russia", "North Korea");
		assertThat(request.tags()).containsExactly("politics");
		assertThat(request.sources()).containsExactly("eastside", "westside");
		assertThat(request.language()).isEqualTo("en");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "101", "-1", "ten", "", "2.5" })
	void rejectsSizeOutsideOneToHundred(String size) {
		assertThatExceptionOfType(InvalidSearchRequestException.class)
			.isThrownBy(() -> this.parser.parse(params(Map.of("size", List.of(size)))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("size")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "100", "37" })
	void acceptsSizeFromOneToHundred(String size) {
		assertThat(this.parser.parse(params(Map.of("size", List.of(size)))).size()).isEqualTo(Integer.parseInt(size));
	}

	@Test
	void rejectsUnknownSort() {
		assertThatExceptionOfType(InvalidSearchRequestException.class)
			.isThrownBy(() -> this.parser.parse(params(Map.of("sort", List.of("oldest")))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement().satisfies((error) -> {
				assertThat(error.field()).isEqualTo("sort");
				assertThat(error.message()).contains("relevance", "newest", "oldest");
			}));
	}

	@Test
	void acceptsNewestSortWithText() {
		SearchRequest request = parser.parse(params(Map.of("q", List.of("troops"), "sort", List.of("newest"))));
		assertThat(request.sort()).isEqualTo(SortOrder.NEWEST);
	}

	@Test
	void readsDatesAsWholeUtcDays() {
		SearchRequest request = this.parser
			.parse(params(Map.of("from", List.of("2024-11-01"), "to", List.of("2024-11-02"))));
		assertThat(request.from()).isEqualTo(Instant.parse("2024-11-01T00:00:00Z"));
		assertThat(request.to()).isEqualTo(Instant.parse("2024-11-03T00:00:00Z"));
		assertThat(request.toExclusive()).isTrue();
	}

	@Test
	void readsDateTimesWithAndWithoutOffset() {
		SearchRequest request = this.parser
			.parse(params(Map.of("from", List.of("2024-11-01T10:00:00+02:00"), "to", List.of("2024-11-01T12:30:00"))));
		assertThat(request.from()).isEqualTo(Instant.parse("2024-11-01T08:00:00Z"));
		assertThat(request.to()).isEqualTo(Instant.parse("2024-11-01T12:30:00Z"));
		assertThat(request.toExclusive()).isFalse();
	}

	@Test
	void acceptsOneDayRange() {
		SearchRequest request = this.parser
			.parse(params(Map.of("from", List.of("2024-11-01"), "to", List.of("2024-11-01"))));
		assertThat(request.from()).isBefore(request.to());
	}

	@ParameterizedTest
	@ValueSource(strings = { "yesterday", "2024-13-01", "2024-11-31", "01/11/2024", "2024-11-01T25:00:00Z",
			"+20244-11-01", "20244-11-01T00:00:00Z", "2024-11-01T10:00:00Zulu" })
	void rejectsMalformedDates(String date) {
		assertThatExceptionOfType(InvalidSearchRequestException.class)
			.isThrownBy(() -> this.parser.parse(params(Map.of("from", List.of(date)))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("from")));
	}

	@Test
	void rejectsRangeEndingBeforeItStarts() {
		assertThatExceptionOfType(InvalidSearchRequestException.class)
			.isThrownBy(() -> this.parser
				.parse(params(Map.of("from", List.of("2024-11-02"), "to", List.of("2024-11-01T23:00:00Z")))))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidSearchRequestException.FieldError::field)
				.containsExactly("to"));
	}

	@Test
	void reportsEveryInvalidParameterAtOnce() {
		assertThatExceptionOfType(InvalidSearchRequestException.class)
			.isThrownBy(() -> this.parser.parse(params(Map.of("size", List.of("0"), "sort", List.of("best"), "from",
					List.of("soon"), "cursor", List.of("not-a-cursor")))))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidSearchRequestException.FieldError::field)
				.containsExactlyInAnyOrder("size", "sort", "from", "cursor"));
	}

	@Test
	void rejectsOverlongText() {
		assertThatExceptionOfType(InvalidSearchRequestException.class)
			.isThrownBy(() -> this.parser.parse(params(Map.of("q", List.of("a".repeat(1001))))));
	}

	@Test
	void readsCursorItMadeForTheSameSearch() {
		SearchRequest first = this.parser.parse(params(Map.of("entity", List.of("Russia"))));
		String cursor = this.cursors.encode(
				new Cursor(SortOrder.NEWEST, List.of(FieldValue.of(1730455200000L), FieldValue.of("abc"))),
				first.fingerprint());
		SearchRequest request = this.parser
			.parse(params(Map.of("entity", List.of("Russia"), "size", List.of("5"), "cursor", List.of(cursor))));
		assertThat(request.cursor().after()).extracting(FieldValue::_get).containsExactly(1730455200000L, "abc");
	}

	@Test
	void roundTripsRelevanceCursorWithScore() {
		Cursor cursor = new Cursor(SortOrder.RELEVANCE,
				List.of(FieldValue.of(3.25), FieldValue.of(1730455200000L), FieldValue.of("id-1")));
		CursorCodec.Decoded decoded = this.cursors.decode(this.cursors.encode(cursor, "fp"), "fp", SortOrder.RELEVANCE);
		assertThat(decoded.problem()).isNull();
		assertThat(decoded.cursor().sort()).isEqualTo(SortOrder.RELEVANCE);
		assertThat(decoded.cursor().after().get(0).doubleValue()).isEqualTo(3.25);
		assertThat(decoded.cursor().after().get(1).longValue()).isEqualTo(1730455200000L);
		assertThat(decoded.cursor().after().get(2).stringValue()).isEqualTo("id-1");
	}

	@Test
	void rejectsCursorMadeForAnotherSort() {
		SearchRequest newest = this.parser.parse(params(Map.of("q", List.of("troops"), "sort", List.of("newest"))));
		String cursor = this.cursors.encode(
				new Cursor(SortOrder.NEWEST, List.of(FieldValue.of(1L), FieldValue.of("abc"))), newest.fingerprint());
		assertThatExceptionOfType(InvalidSearchRequestException.class)
			.isThrownBy(() -> this.parser.parse(params(Map.of("q", List.of("troops"), "cursor", List.of(cursor)))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.message()).contains("sort=newest")));
	}

	@Test
	void rejectsCursorMadeForAnotherSearch() {
		SearchRequest russia = this.parser.parse(params(Map.of("entity", List.of("Russia"))));
		String cursor = this.cursors.encode(
				new Cursor(SortOrder.NEWEST, List.of(FieldValue.of(1L), FieldValue.of("abc"))), russia.fingerprint());
		assertThatExceptionOfType(InvalidSearchRequestException.class)
			.isThrownBy(
					() -> this.parser.parse(params(Map.of("entity", List.of("Ukraine"), "cursor", List.of(cursor)))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.message()).contains("different search")));
	}

	@Test
	void rejectsTamperedCursor() {
		SearchRequest request = this.parser.parse(params(Map.of()));
		String cursor = this.cursors.encode(
				new Cursor(SortOrder.NEWEST, List.of(FieldValue.of(1730455200000L), FieldValue.of("abc"))),
				request.fingerprint());
		String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))),
				StandardCharsets.UTF_8);
		String forged = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(payload.replace("1730455200000", "1").getBytes(StandardCharsets.UTF_8))
				+ cursor.substring(cursor.indexOf('.'));
		assertThatExceptionOfType(InvalidSearchRequestException.class)
			.isThrownBy(() -> this.parser.parse(params(Map.of("cursor", List.of(forged)))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.message()).contains("altered")));
	}

	@Test
	void rejectsCursorSignedWithAnotherSecret() {
		CursorCodec other = new CursorCodec("another-secret".getBytes(StandardCharsets.UTF_8));
		SearchRequest request = this.parser.parse(params(Map.of()));
		String cursor = other.encode(new Cursor(SortOrder.NEWEST, List.of(FieldValue.of(1L), FieldValue.of("abc"))),
				request.fingerprint());
		assertThatExceptionOfType(InvalidSearchRequestException.class)
			.isThrownBy(() -> this.parser.parse(params(Map.of("cursor", List.of(cursor)))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "%%%", "e30", "eyJzIjoibmV3ZXN0IiwiYSI6W119", "bm90IGpzb24", "e30.e30", ".", "a.b.c" })
	void rejectsCursorsItDidNotMake(String cursor) {
		assertThatExceptionOfType(InvalidSearchRequestException.class)
			.isThrownBy(() -> this.parser.parse(params(Map.of("cursor", List.of(cursor)))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("cursor")));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "*korea|korea", "ko*|ko", "kor*|kor*", "*|''", "troops~2|troops",
					"\"north korea\"~3|\"north korea\"", "north* -rus*|north* -rus*", "**|''", "a* b*|a b",
					"\"keep * here\" x*|\"keep * here\" x" })
	void dropsWildcardsAndFuzzinessThatWouldExpand(String text, String expected) {
		assertThat(SearchRequestParser.withoutExpansion(text)).isEqualTo(expected);
	}

	@Test
	void treatsWildcardOnlyTextAsNoText() {
		SearchRequest request = this.parser.parse(params(Map.of("q", List.of("*"))));
		assertThat(request.text()).isNull();
	}

	@Test
	void fingerprintsTheSearchNotThePage() {
		SearchRequest small = this.parser.parse(params(
				Map.of("q", List.of("troops"), "size", List.of("5"), "entity", List.of("Russia", "North Korea"))));
		SearchRequest large = this.parser.parse(params(
				Map.of("q", List.of("troops"), "size", List.of("50"), "entity", List.of("North Korea", "Russia"))));
		SearchRequest other = this.parser.parse(params(Map.of("q", List.of("troop"))));
		assertThat(small.fingerprint()).isEqualTo(large.fingerprint()).isNotEqualTo(other.fingerprint());
	}

	@Test
	void turnsWordOperatorsIntoSimpleQueryStringOperators() {
		assertThat(SearchRequestParser.toSimpleQueryString("Putin OR Zelensky")).isEqualTo("Putin | Zelensky");
		assertThat(SearchRequestParser.toSimpleQueryString("troops AND Russia")).isEqualTo("troops + Russia");
	}

	@Test
	void leavesOperatorWordsInsideQuotesAndLowerCaseAlone() {
		assertThat(SearchRequestParser.toSimpleQueryString("\"war OR peace\" -Russia or ORacle"))
			.isEqualTo("\"war OR peace\" -Russia or ORacle");
	}

	private static MultiValueMap<String, String> params(Map<String, List<String>> values) {
		return new LinkedMultiValueMap<>(values);
	}

}
