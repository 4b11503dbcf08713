package newsroom.bench.chaos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import newsroom.bench.stack.IndexContents;
import newsroom.bench.stack.TopicCounts;

/**
 * What the run found, from what ingest took and what the topics and the index hold:
 * <ul>
 * <li><b>lost</b>: submitted ids that are not in the index;</li>
 * <li><b>doubled</b>: submitted ids with more than one record on the raw or the enriched
 * topic (read {@code read_committed}), plus index documents beyond the distinct ids (an
 * id cannot be indexed twice, so the count would say it);</li>
 * <li><b>unexpected</b>: ids in the index or on the topics that nobody submitted;</li>
 * <li><b>dead letters</b>: each dead-letter topic must hold exactly the poison records
 * injected into its topic, once each, and nothing else.</li>
 * </ul>
 *
 * @param lost submitted ids missing from the index, sorted
 * @param doubled submitted ids seen more than once, sorted
 * @param extraDocuments index documents beyond the distinct ids
 * @param unexpected ids nobody submitted, on the topics or in the index
 * @param raw the raw topic against the submissions
 * @param enriched the enriched topic against the submissions
 * @param enrichedNotOnePerRaw ids whose enriched records differ in number from their raw
 * records
 * @param deadLetters each dead-letter topic against the poison injected
 * @param problems every finding that fails the run, in words; empty when it passed
 */
record Verdict(List<String> lost, List<String> doubled, long extraDocuments, Set<String> unexpected, Stage raw,
		Stage enriched, List<String> enrichedNotOnePerRaw, Map<String, DeadLetters> deadLetters,
		List<String> problems) {

	/**
	 * Judge a run.
	 * @param submitted the ids ingest answered
	 * @param raw the raw topic
	 * @param enriched the enriched topic
	 * @param index the index
	 * @param poison the keys injected, per dead-letter topic
	 * @param deadLetterTopics what each dead-letter topic holds, in report order
	 * @return the verdict
	 */
	static Verdict of(Set<String> submitted, TopicCounts raw, TopicCounts enriched, IndexContents index,
			Map<String, List<String>> poison, Map<String, TopicCounts> deadLetterTopics) {
		Set<String> indexed = new HashSet<>(index.ids());
		List<String> lost = submitted.stream().filter((id) -> !indexed.contains(id)).sorted().toList();
		Set<String> doubled = new TreeSet<>();
		Stage rawStage = Stage.of(submitted, raw, doubled);
		Stage enrichedStage = Stage.of(submitted, enriched, doubled);
		long extraDocuments = Math.max(index.count(), index.ids().size()) - indexed.size();
		Set<String> unexpected = new TreeSet<>();
		indexed.stream().filter((id) -> !submitted.contains(id)).forEach(unexpected::add);
		for (TopicCounts topic : List.of(raw, enriched)) {
			topic.perKey()
				.keySet()
				.stream()
				.filter((key) -> !submitted.contains(key) && !Poison.isPoison(key))
				.forEach(unexpected::add);
		}
		List<String> notOnePerRaw = submitted.stream()
			.filter((id) -> enriched.count(id) != raw.count(id))
			.sorted()
			.toList();
		Map<String, DeadLetters> deadLetters = new LinkedHashMap<>();
		deadLetterTopics.forEach((topic, counts) -> deadLetters.put(topic,
				DeadLetters.of(poison.getOrDefault(topic, List.of()), counts)));
		List<String> problems = new ArrayList<>();
		addIf(problems, lost.size(), "lost (submitted, not in the index)");
		addIf(problems, doubled.size(), "doubled (more than one record on the raw or enriched topic)");
		addIf(problems, extraDocuments, "index documents beyond the distinct ids");
		addIf(problems, unexpected.size(), "ids that nobody submitted");
		addIf(problems, notOnePerRaw.size(), "ids whose enriched records are not one per raw record");
		deadLetters.forEach((topic, letters) -> {
			if (!letters.exact()) {
				problems.add(topic + " holds " + letters.found() + " instead of exactly " + letters.expected());
			}
		});
		return new Verdict(lost, List.copyOf(doubled), extraDocuments, unexpected, rawStage, enrichedStage,
				notOnePerRaw, deadLetters, problems);
	}

	private static void addIf(List<String> problems, long count, String what) {
		if (count > 0) {
			problems.add(count + " " + what);
		}
	}

	/**
	 * A topic against the submitted ids.
	 *
	 * @param records article records (poison left out)
	 * @param distinctIds submitted ids with at least one record
	 * @param missing submitted ids without a record
	 * @param doubled submitted ids with more than one record
	 */
	record Stage(long records, int distinctIds, int missing, int doubled) {

		static Stage of(Set<String> submitted, TopicCounts topic, Set<String> doubledIds) {
			long records = topic.perKey()
				.entrySet()
				.stream()
				.filter((entry) -> !Poison.isPoison(entry.getKey()))
				.mapToLong(Map.Entry::getValue)
				.sum();
			int distinct = 0;
			int missing = 0;
			int doubled = 0;
			for (String id : submitted) {
				int count = topic.count(id);
				distinct += (count > 0) ? 1 : 0;
				missing += (count == 0) ? 1 : 0;
				if (count > 1) {
					doubled++;
					doubledIds.add(id);
				}
			}
			return new Stage(records, distinct, missing, doubled);
		}

	}

	/**
	 * A dead-letter topic against the poison injected into its topic.
	 *
	 * @param expected the poison keys, each to arrive once
	 * @param found records per key on the dead-letter topic
	 * @param reasons why each was dead-lettered (the reason header)
	 * @param exact whether it holds exactly the expected records
	 */
	record DeadLetters(List<String> expected, Map<String, Integer> found, Map<String, String> reasons, boolean exact) {

		static DeadLetters of(List<String> expected, TopicCounts topic) {
			Map<String, Integer> once = new LinkedHashMap<>();
			expected.forEach((key) -> once.put(key, 1));
			return new DeadLetters(expected, new TreeMap<>(topic.perKey()), topic.reasons(),
					once.equals(topic.perKey()));
		}

		int foundCount() {
			return this.found.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

}
