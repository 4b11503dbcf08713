package newsroom.search.query;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TimelineTests {

	@Test
	void keepsDaysWhileTheSpanFits() {
		Timeline timeline = Timeline.of(List.of(day("2024-11-01", 2), day("2024-11-05", 1)), 120);
		assertThat(timeline.interval()).isEqualTo(Timeline.Interval.DAY);
		assertThat(timeline.buckets()).containsExactly(day("2024-11-01", 2), day("2024-11-05", 1));
	}

	@Test
	void rollsDaysIntoIsoWeeksStartingOnMonday() {
		// 2024-01-01 is a Monday; 200 days need weeks when 120 buckets are the most.
		List<SearchResponse.HistogramBucket> days = everyDay(LocalDate.parse("2024-01-01"), 200);
		Timeline timeline = Timeline.of(days, 120);
		assertThat(timeline.interval()).isEqualTo(Timeline.Interval.WEEK);
		assertThat(timeline.buckets()).hasSize(29);
		assertThat(timeline.buckets().get(0)).isEqualTo(day("2024-01-01", 7));
		assertThat(timeline.buckets().get(1)).isEqualTo(day("2024-01-08", 7));
		assertThat(timeline.buckets()).extracting(SearchResponse.HistogramBucket::count)
			.containsOnly(7L, 4L)
			.satisfies((counts) -> assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(200));
	}

	@Test
	void rollsIntoMonthsAndYearsForLongerSpans() {
		Timeline months = Timeline.of(List.of(day("2020-01-15", 1), day("2020-01-20", 2), day("2024-11-01", 3)), 120);
		assertThat(months.interval()).isEqualTo(Timeline.Interval.MONTH);
		assertThat(months.buckets()).containsExactly(day("2020-01-01", 3), day("2024-11-01", 3));

		Timeline years = Timeline.of(List.of(day("1970-01-01", 1), day("2024-11-01", 3)), 120);
		assertThat(years.interval()).isEqualTo(Timeline.Interval.YEAR);
		assertThat(years.buckets()).containsExactly(day("1970-01-01", 1), day("2024-01-01", 3));
	}

	@Test
	void answersAnEmptyDailyTimelineWithoutArticles() {
		Timeline timeline = Timeline.of(List.of(), 120);
		assertThat(timeline.interval()).isEqualTo(Timeline.Interval.DAY);
		assertThat(timeline.buckets()).isEmpty();
	}

	@Test
	void readsEveryDayOfTwoYearsAsTheJdkParserDoes() {
		for (LocalDate date = LocalDate.of(2023, 1, 1); date.getYear() < 2025; date = date.plusDays(1)) {
			assertThat(Timeline.day(date.toString())).isEqualTo(date);
		}
	}

	@Test
	void leavesOtherTextsToTheJdkParser() {
		assertThat(Timeline.day("+12024-03-01")).isEqualTo(LocalDate.of(12024, 3, 1));
		assertThatExceptionOfType(DateTimeException.class).isThrownBy(() -> Timeline.day("2024-02-30"));
		assertThatExceptionOfType(DateTimeException.class).isThrownBy(() -> Timeline.day("2024-0a-01"));
		assertThatExceptionOfType(DateTimeException.class).isThrownBy(() -> Timeline.day("2024-03-01T00"));
	}

	private static List<SearchResponse.HistogramBucket> everyDay(LocalDate first, int count) {
		List<SearchResponse.HistogramBucket> days = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			days.add(day(first.plusDays(i).toString(), 1));
		}
		return days;
	}

	private static SearchResponse.HistogramBucket day(String date, long count) {
		return new SearchResponse.HistogramBucket(date, count);
	}

}
