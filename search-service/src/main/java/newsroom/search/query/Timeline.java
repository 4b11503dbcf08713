package newsroom.search.query;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The histogram of a search answer: articles per day, or per week, month or year when the
 * matching articles span more buckets than a timeline can show. Elasticsearch counts per
 * day (only days that have articles); the coarser buckets are sums of whole days, so they
 * are exact, and each is labelled with its first day: the Monday of an ISO week, the
 * first of a month or of a year.
 *
 * @param interval the width of every bucket
 * @param buckets the buckets with articles, oldest first
 */
record Timeline(Interval interval, List<SearchResponse.HistogramBucket> buckets) {

	Timeline {
		buckets = List.copyOf(buckets);
	}

	/**
	 * Roll daily counts up to the finest interval that fits.
	 * @param days articles per day, oldest first, days without articles left out
	 * @param maxBuckets the most buckets the span may take
	 * @return the timeline
	 */
	static Timeline of(List<SearchResponse.HistogramBucket> days, int maxBuckets) {
		if (days.isEmpty()) {
			return new Timeline(Interval.DAY, List.of());
		}
		LocalDate first = day(days.get(0).date());
		LocalDate last = day(days.get(days.size() - 1).date());
		for (Interval interval : Interval.values()) {
			LocalDate start = interval.start(first);
			long span = interval.unit.between(start, interval.start(last)) + 1;
			if (span <= maxBuckets || interval == Interval.YEAR) {
				return new Timeline(interval, rollUp(days, interval));
			}
		}
		throw new IllegalStateException("YEAR always fits");
	}

	private static List<SearchResponse.HistogramBucket> rollUp(List<SearchResponse.HistogramBucket> days,
			Interval interval) {
		if (interval == Interval.DAY) {
			return days;
		}
		List<SearchResponse.HistogramBucket> buckets = new ArrayList<>();
		LocalDate current = null;
		long count = 0;
		for (SearchResponse.HistogramBucket day : days) {
			LocalDate start = interval.start(day(day.date()));
			if (current != null && !current.equals(start)) {
				buckets.add(new SearchResponse.HistogramBucket(current.toString(), count));
				count = 0;
			}
			current = start;
			count += day.count();
		}
		buckets.add(new SearchResponse.HistogramBucket(current.toString(), count));
		return buckets;
	}

	/**
	 * A bucket's day. The histogram asks for {@code yyyy-MM-dd}, read here digit by
	 * digit: a year's daily buckets through {@link LocalDate#parse} were 8% of the
	 * request threads' samples in a recording of {@code SearchCpuBenchmark}.
	 */
	static LocalDate day(String date) {
		if (date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-' || !digits(date, 0, 4)
				|| !digits(date, 5, 7) || !digits(date, 8, 10)) {
			// Not the format asked for: the full parser reads it or says what is wrong.
			return LocalDate.parse(date);
		}
		return LocalDate.of(Integer.parseInt(date, 0, 4, 10), Integer.parseInt(date, 5, 7, 10),
				Integer.parseInt(date, 8, 10, 10));
	}

	private static boolean digits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Width of the histogram's buckets, finest first.
	 */
	enum Interval {

		/** One UTC day. */
		DAY(ChronoUnit.DAYS, UnaryOperator.identity()),

		/** An ISO week, Monday to Sunday. */
		WEEK(ChronoUnit.WEEKS, (date) -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))),

		/** A calendar month. */
		MONTH(ChronoUnit.MONTHS, (date) -> date.withDayOfMonth(1)),

		/** A calendar year. */
		YEAR(ChronoUnit.YEARS, (date) -> date.withDayOfYear(1));

		private final ChronoUnit unit;

		private final UnaryOperator<LocalDate> start;

		Interval(ChronoUnit unit, UnaryOperator<LocalDate> start) {
			this.unit = unit;
			this.start = start;
		}

		LocalDate start(LocalDate date) {
			return this.start.apply(date);
		}

		/**
		 * How the answer names the interval.
		 * @return {@code day}, {@code week}, {@code month} or {@code year}
		 */
		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
