package newsroom.enrich.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import newsroom.enrich.Enrichers;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.analysis.StageObserver;
import newsroom.enrich.nlp.NlpModels;

/**
 * The topic evaluation command (not a test): the share of items whose top tag is their
 * labelled topic, per topic and overall, and how many got no tag at all, on the test set
 * of headlines written for Newsroom and never used to train or tune
 * ({@code src/test/resources/topics/headlines.tsv}: a headline and one sentence each,
 * five per slug). {@code -Dfile=...} scores another file of the same shape.
 *
 * <pre>
 * bench/enrich/run.sh newsroom.enrich.eval.TopicEvaluation [-Dverbose=true]
 * </pre>
 */
public final class TopicEvaluation {

	static final Path HEADLINES = Path.of("src", "test", "resources", "topics", "headlines.tsv");

	private TopicEvaluation() {
	}

	public static void main(String[] args) {
		Path file = Path.of(System.getProperty("file", HEADLINES.toString()));
		Enricher enricher = Enrichers.standard(NlpModels.load(), StageObserver.NONE);
		Result result = evaluate(enricher, read(file), Boolean.getBoolean("verbose"));
		System.out.printf(Locale.ROOT, "%s: %d items, top tag right %.3f, untagged %d%n", file, result.items(),
				result.accuracy(), result.untagged());
		result.byTopic()
			.forEach((topic, counts) -> System.out.printf(Locale.ROOT, "  %-28s %d/%d%n", topic, counts[0], counts[1]));
	}

	/**
	 * The labelled items of a file: {@code slug<TAB>headline<TAB>text} lines, {@code #}
	 * comments.
	 * @param file the file
	 * @return each item as slug, headline, text
	 */
	public static List<String[]> read(Path file) {
		try {
			List<String[]> items = new ArrayList<>();
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank() && !line.startsWith("#")) {
					items.add(line.split("\t"));
				}
			}
			return items;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Scores the enricher's top tags.
	 * @param enricher the enricher
	 * @param items slug, headline, text
	 * @param verbose whether to print every wrong item
	 * @return the counts
	 */
	public static Result evaluate(Enricher enricher, List<String[]> items, boolean verbose) {
		Map<String, int[]> byTopic = new LinkedHashMap<>();
		int right = 0;
		int untagged = 0;
		for (String[] item : items) {
			List<String> tags = enricher.enrich(item[1], item[2].replace(" ¶ ", "\n\n"), "en").tags();
			boolean correct = !tags.isEmpty() && tags.get(0).equals(item[0]);
			right += correct ? 1 : 0;
			untagged += tags.isEmpty() ? 1 : 0;
			int[] counts = byTopic.computeIfAbsent(item[0], (t) -> new int[2]);
			counts[0] += correct ? 1 : 0;
			counts[1]++;
			if (!correct && verbose) {
				System.out.println("  " + item[0] + " -> " + tags + "  " + item[1]);
			}
		}
		return new Result(items.size(), (double) right / items.size(), untagged, byTopic);
	}

	/**
	 * What the evaluation found.
	 *
	 * @param items how many items
	 * @param accuracy share whose top tag is right
	 * @param untagged how many got no tag
	 * @param byTopic per topic, right and total
	 */
	public record Result(int items, double accuracy, int untagged, Map<String, int[]> byTopic) {
	}

}
