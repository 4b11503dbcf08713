package newsroom.bench.load;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import newsroom.bench.stack.IndexContents;
import newsroom.bench.stack.TopicCounts;

/**
 * Whether every article ingest accepted under load arrived: each id answered 202
 * {@code accepted} must be on {@code news.articles.raw.v1} (read {@code read_committed})
 * once, and in the index once the pipeline has drained.
 *
 * @param accepted ids answered 202 {@code accepted} in the ingest phases
 * @param onRawTopic of those, on the raw topic
 * @param indexed of those, in the index
 * @param lost accepted ids not in the index
 * @param missingOnRaw accepted ids not on the raw topic (ingest said 202 for nothing)
 * @param doubled accepted ids with more than one raw record, plus index documents beyond
 * the distinct ids
 * @param publishedUnanswered raw records of articles whose request got no 202 (a request
 * that timed out on the client after ingest had published it); not a loss, said for
 * completeness
 * @param drainSeconds from the end of the last ingest phase until the index held every
 * accepted article (or the wait gave up)
 * @param lostIds the first lost ids
 * @param doubledIds the first doubled ids
 * @param problems why the articles fail the run; empty when none was lost or doubled
 */
record Delivery(long accepted, long onRawTopic, long indexed, long lost, long missingOnRaw, long doubled,
		long publishedUnanswered, double drainSeconds, List<String> lostIds, List<String> doubledIds,
		List<String> problems) {

	private static final int LISTED_IDS = 50;

	Delivery {
		lostIds = List.copyOf(lostIds);
		doubledIds = List.copyOf(doubledIds);
		problems = List.copyOf(problems);
	}

	/**
	 * Judge the ingest phases' articles.
	 * @param accepted the ids ingest answered 202 {@code accepted}
	 * @param known every other id the run submitted (the calibration's)
	 * @param raw the raw topic
	 * @param index the index after the drain
	 * @param drainSeconds how long the drain took
	 * @return the audit
	 */
	static Delivery of(Set<String> accepted, Set<String> known, TopicCounts raw, IndexContents index,
			double drainSeconds) {
		Set<String> indexedIds = new HashSet<>(index.ids());
		List<String> lost = accepted.stream().filter((id) -> !indexedIds.contains(id)).sorted().toList();
		long onRaw = accepted.stream().filter((id) -> raw.count(id) > 0).count();
		List<String> doubled = accepted.stream().filter((id) -> raw.count(id) > 1).sorted().toList();
		long extraDocuments = Math.max(index.count(), index.ids().size()) - indexedIds.size();
		long publishedUnanswered = raw.perKey()
			.keySet()
			.stream()
			.filter((id) -> !accepted.contains(id) && !known.contains(id))
			.count();
		List<String> problems = new ArrayList<>();
		if (!lost.isEmpty()) {
			problems.add(lost.size() + " accepted articles lost (not in the index)");
		}
		if (onRaw < accepted.size()) {
			problems.add((accepted.size() - onRaw) + " accepted articles not on the raw topic");
		}
		if (!doubled.isEmpty() || extraDocuments > 0) {
			problems.add((doubled.size() + extraDocuments) + " accepted articles doubled");
		}
		return new Delivery(accepted.size(), onRaw, accepted.size() - lost.size(), lost.size(), accepted.size() - onRaw,
				doubled.size() + extraDocuments, publishedUnanswered, drainSeconds, first(lost), first(doubled),
				problems);
	}

	private static List<String> first(List<String> ids) {
		return ids.subList(0, Math.min(LISTED_IDS, ids.size()));
	}

}
