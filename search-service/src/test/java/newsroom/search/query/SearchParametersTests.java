package newsroom.search.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.FieldValue;
import newsroom.search.parameter.CursorCodec;
import newsroom.search.parameter.InvalidParametersException;
import newsroom.search.parameter.ParameterBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.validation.beanvalidation.SpringConstraintValidatorFactory;
import org.springframework.web.bind.ServletRequestDataBinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SearchParametersTests {

	private final CursorCodec cursors = new CursorCodec("test-secret".getBytes(StandardCharsets.UTF_8));

	private final LocalValidatorFactoryBean validator = validator(this.cursors);

	@Test
	void appliesDefaultsWithoutParameters() {
		ArticleSearch request = parse(params(Map.of()));
		assertThat(request.text()).isNull();
		assertThat(request.size()).isEqualTo(20);
		assertThat(request.sort()).isEqualTo(HitOrder.NEWEST);
		assertThat(request.entities()).isEmpty();
		assertThat(request.cursor()).isNull();
	}

	@Test
	void sortsByRelevanceByDefaultWhenTextIsGiven() {
		ArticleSearch request = parse(params(Map.of("q", List.of("troops"))));
		assertThat(request.text()).isEqualTo("troops");
		assertThat(request.sort()).isEqualTo(HitOrder.RELEVANCE);
	}

	@Test
	void treatsBlankTextAsNoText() {
		ArticleSearch request = parse(params(Map.of("q", List.of("   "))));
		assertThat(request.text()).isNull();
		assertThat(request.sort()).isEqualTo(HitOrder.NEWEST);
	}

	@Test
	void collectsRepeatedFiltersWithoutBlanksOrDuplicates() {
		ArticleSearch request = parse(params(Map.of("entity", List.of("Russia", " North Korea ", "", "Russia"), "tag",
				List.of("politics"), "source", List.of("eastside", "westside"), "language", List.of("en"))));
		assertThat(request.entities()).containsExactly("Russia", "North Korea");
		assertThat(request.tags()).containsExactly("politics");
		assertThat(request.sources()).containsExactly("eastside", "westside");
		assertThat(request.language()).isEqualTo("en");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "101", "-1", "ten", "", "2.5" })
	void rejectsSizeOutsideOneToHundred(String size) {
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> parse(params(Map.of("size", List.of(size)))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("size")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "100", "37" })
	void acceptsSizeFromOneToHundred(String size) {
		assertThat(parse(params(Map.of("size", List.of(size)))).size()).isEqualTo(Integer.parseInt(size));
	}

	@Test
	void rejectsUnknownSort() {
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> parse(params(Map.of("sort", List.of("oldest")))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement().satisfies((error) -> {
				assertThat(error.field()).isEqualTo("sort");
				assertThat(error.message()).contains("relevance", "newest", "oldest");
			}));
	}

	@Test
	void acceptsNewestSortWithText() {
		ArticleSearch request = parse(params(Map.of("q", List.of("troops"), "sort", List.of("newest"))));
		assertThat(request.sort()).isEqualTo(HitOrder.NEWEST);
	}

	@Test
	void readsDatesAsWholeUtcDays() {
		ArticleSearch request = parse(params(Map.of("from", List.of("2024-11-01"), "to", List.of("2024-11-02"))));
		assertThat(request.from()).isEqualTo(Instant.parse("2024-11-01T00:00:00Z"));
		assertThat(request.to()).isEqualTo(Instant.parse("2024-11-03T00:00:00Z"));
		assertThat(request.toExclusive()).isTrue();
	}

	@Test
	void readsDateTimesWithAndWithoutOffset() {
		ArticleSearch request = parse(
				params(Map.of("from", List.of("2024-11-01T10:00:00+02:00"), "to", List.of("2024-11-01T12:30:00"))));
		assertThat(request.from()).isEqualTo(Instant.parse("2024-11-01T08:00:00Z"));
		assertThat(request.to()).isEqualTo(Instant.parse("2024-11-01T12:30:00Z"));
		assertThat(request.toExclusive()).isFalse();
	}

	@Test
	void acceptsOneDayRange() {
		ArticleSearch request = parse(params(Map.of("from", List.of("2024-11-01"), "to", List.of("2024-11-01"))));
		assertThat(request.from()).isBefore(request.to());
	}

	@ParameterizedTest
	@ValueSource(strings = { "yesterday", "2024-13-01", "2024-11-31", "01/11/2024", "2024-11-01T25:00:00Z",
			"+20244-11-01", "20244-11-01T00:00:00Z", "2024-11-01T10:00:00Zulu" })
	void rejectsMalformedDates(String date) {
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> parse(params(Map.of("from", List.of(date)))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("from")));
	}

	@Test
	void rejectsRangeEndingBeforeItStarts() {
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(
					() -> parse(params(Map.of("from", List.of("2024-11-02"), "to", List.of("2024-11-01T23:00:00Z")))))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidParametersException.FieldError::field)
				.containsExactly("to"));
	}

	@Test
	void reportsEveryInvalidParameterAtOnce() {
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> parse(params(Map.of("size", List.of("0"), "sort", List.of("best"), "from",
					List.of("soon"), "cursor", List.of("not-a-cursor")))))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidParametersException.FieldError::field)
				.containsExactlyInAnyOrder("size", "sort", "from", "cursor"));
	}

	@Test
	void collapsesByStoryOnlyWhenAsked() {
		assertThat(parse(params(Map.of("collapse", List.of(" story ")))).collapse()).isTrue();
		assertThat(parse(params(Map.of())).collapse()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "STORY", "stories", "source", "story,story" })
	void refusesAnythingButStoryAsCollapse(String collapse) {
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> parse(params(Map.of("collapse", List.of(collapse)))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("collapse")));
	}

	@Test
	void keepsCursorsOfCollapsedAndPlainSearchesApart() {
		ArticleSearch plain = parse(params(Map.of("q", List.of("troops"))));
		ArticleSearch collapsed = parse(params(Map.of("q", List.of("troops"), "collapse", List.of("story"))));
		assertThat(collapsed.fingerprint()).isNotEqualTo(plain.fingerprint());
		String cursor = this.cursors.encode(HitOrder.RELEVANCE,
				List.of(FieldValue.of(1.5), FieldValue.of(1L), FieldValue.of("abc")), plain.fingerprint());
		assertThatExceptionOfType(InvalidParametersException.class).isThrownBy(() -> parse(
				params(Map.of("q", List.of("troops"), "collapse", List.of("story"), "cursor", List.of(cursor)))));
	}

	@Test
	void rejectsOverlongText() {
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> parse(params(Map.of("q", List.of("a".repeat(1001))))));
	}

	@Test
	void readsCursorItMadeForTheSameSearch() {
		ArticleSearch first = parse(params(Map.of("entity", List.of("Russia"))));
		String cursor = this.cursors.encode(HitOrder.NEWEST,
				List.of(FieldValue.of(1730455200000L), FieldValue.of("abc")), first.fingerprint());
		ArticleSearch request = parse(
				params(Map.of("entity", List.of("Russia"), "size", List.of("5"), "cursor", List.of(cursor))));
		assertThat(request.cursor().after()).extracting(FieldValue::_get).containsExactly(1730455200000L, "abc");
	}

	@Test
	void rejectsCursorMadeForAnotherSort() {
		ArticleSearch newest = parse(params(Map.of("q", List.of("troops"), "sort", List.of("newest"))));
		String cursor = this.cursors.encode(HitOrder.NEWEST, List.of(FieldValue.of(1L), FieldValue.of("abc")),
				newest.fingerprint());
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> parse(params(Map.of("q", List.of("troops"), "cursor", List.of(cursor)))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.message()).contains("sort=newest")));
	}

	@Test
	void rejectsCursorMadeForAnotherSearch() {
		ArticleSearch russia = parse(params(Map.of("entity", List.of("Russia"))));
		String cursor = this.cursors.encode(HitOrder.NEWEST, List.of(FieldValue.of(1L), FieldValue.of("abc")),
				russia.fingerprint());
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> parse(params(Map.of("entity", List.of("Ukraine"), "cursor", List.of(cursor)))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.message()).contains("different search")));
	}

	@Test
	void rejectsTamperedCursor() {
		ArticleSearch request = parse(params(Map.of()));
		String cursor = this.cursors.encode(HitOrder.NEWEST,
				List.of(FieldValue.of(1730455200000L), FieldValue.of("abc")), request.fingerprint());
		String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))),
				StandardCharsets.UTF_8);
		String forged = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(payload.replace("1730455200000", "1").getBytes(StandardCharsets.UTF_8))
				+ cursor.substring(cursor.indexOf('.'));
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> parse(params(Map.of("cursor", List.of(forged)))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.message()).contains("altered")));
	}

	@Test
	void rejectsCursorSignedWithAnotherSecret() {
		CursorCodec other = new CursorCodec("another-secret".getBytes(StandardCharsets.UTF_8));
		ArticleSearch request = parse(params(Map.of()));
		String cursor = other.encode(HitOrder.NEWEST, List.of(FieldValue.of(1L), FieldValue.of("abc")),
				request.fingerprint());
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> parse(params(Map.of("cursor", List.of(cursor)))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "%%%", "e30", "eyJzIjoibmV3ZXN0IiwiYSI6W119", "bm90IGpzb24", "e30.e30", ".", "a.b.c" })
	void rejectsCursorsItDidNotMake(String cursor) {
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> parse(params(Map.of("cursor", List.of(cursor)))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("cursor")));
	}

	@Test
	void treatsWildcardOnlyTextAsNoText() {
		ArticleSearch request = parse(params(Map.of("q", List.of("*"))));
		assertThat(request.text()).isNull();
	}

	@Test
	void fingerprintsTheSearchNotThePage() {
		ArticleSearch small = parse(params(
				Map.of("q", List.of("troops"), "size", List.of("5"), "entity", List.of("Russia", "North Korea"))));
		ArticleSearch large = parse(params(
				Map.of("q", List.of("troops"), "size", List.of("50"), "entity", List.of("North Korea", "Russia"))));
		ArticleSearch other = parse(params(Map.of("q", List.of("troop"))));
		assertThat(small.fingerprint()).isEqualTo(large.fingerprint()).isNotEqualTo(other.fingerprint());
	}

	@Test
	void keepsARepeatableValueWithCommasWhole() {
		ArticleSearch request = parse(params(Map.of("entity", List.of("Washington, D.C."), "tag", List.of("a,b"))));
		assertThat(request.entities()).containsExactly("Washington, D.C.");
		assertThat(request.tags()).containsExactly("a,b");
	}

	@Test
	void readsTheFirstValueOfAParameterSentTwice() {
		ArticleSearch request = parse(params(Map.of("size", List.of("5", "500"), "q", List.of("troops", "peace"))));
		assertThat(request.size()).isEqualTo(5);
		assertThat(request.text()).isEqualTo("troops");
	}

	@Test
	void reportsProblemsInTheOrderOfTheParameters() {
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> parse(params(Map.of("cursor", List.of("x"), "to", List.of("later"), "from",
					List.of("soon"), "sort", List.of("best"), "size", List.of("0"), "q", List.of("a".repeat(1001))))))
			.satisfies((ex) -> {
				assertThat(ex.errors()).extracting(InvalidParametersException.FieldError::field)
					.containsExactly("q", "size", "sort", "from", "to", "cursor");
				assertThat(ex.getBody().getDetail()).startsWith(
						"q must be at most 1000 characters; size must be a whole number from 1 to 100, was '0'; "
								+ "sort must be 'relevance' or 'newest', was 'best'; from must be an ISO-8601 date");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "{max}", "${1+1}", "\\{max\\}", "$", "\\" })
	void quotesTheValueASizeWasSentWithAsText(String size) {
		assertThatExceptionOfType(InvalidParametersException.class)
			.isThrownBy(() -> parse(params(Map.of("size", List.of(size)))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.message())
					.isEqualTo("must be a whole number from 1 to 100, was '" + size + "'")));
	}

	/**
	 * Binds and validates the parameters as Spring MVC does for the controller: the
	 * binder set up by its {@code @InitBinder} method, Bean Validation with constraint
	 * validators that Spring creates, and the 400 that the advice answers.
	 */
	private ArticleSearch parse(MultiValueMap<String, String> parameters) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		parameters.forEach((name, values) -> request.addParameter(name, values.toArray(String[]::new)));
		ServletRequestDataBinder binder = new ServletRequestDataBinder(null, "searchParameters");
		binder.setTargetType(ResolvableType.forClass(SearchParameters.class));
		binder.setValidator(this.validator);
		ParameterBinding.bindAsSent(binder);
		binder.construct(request);
		binder.validate();
		if (binder.getBindingResult().hasErrors()) {
			throw InvalidParametersException.of(binder.getBindingResult());
		}
		return ((SearchParameters) binder.getTarget()).search(this.cursors);
	}

	private static LocalValidatorFactoryBean validator(CursorCodec cursors) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("cursorCodec", cursors);
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.setConstraintValidatorFactory(new SpringConstraintValidatorFactory(beans));
		validator.afterPropertiesSet();
		return validator;
	}

	private static MultiValueMap<String, String> params(Map<String, List<String>> values) {
		return new LinkedMultiValueMap<>(values);
	}

}
