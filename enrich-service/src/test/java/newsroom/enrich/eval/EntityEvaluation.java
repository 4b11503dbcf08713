package newsroom.enrich.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import newsroom.enrich.Enrichers;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.analysis.StageObserver;
import newsroom.enrich.nlp.NlpModels;
import newsroom.events.Enrichment;
import newsroom.events.Entity;

/**
 * The entity and tag evaluation command (not a test): runs the standard enricher over the
 * hand-checked dev set {@code dev-set/entities.jsonl} and prints precision, recall and F1
 * of entities by type and overall (an entity counts when name and type match exactly,
 * ignoring case and accents), and of topic tags. With {@code -Dverbose=true} it also
 * lists every miss and every false find.
 *
 * <pre>
 * ./mvnw -q -B -o -pl enrich-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=newsroom.enrich.eval.EntityEvaluation
 * </pre>
 */
public final class EntityEvaluation {

	private EntityEvaluation() {
	}

	public static void main(String[] args) {
		Enricher enricher = Enrichers.standard(NlpModels.load(), StageObserver.NONE);
		evaluate(enricher, "entities.jsonl", "dev set (the rules were developed on it)");
		print("");
		evaluate(enricher, "entities-heldout.jsonl",
				"second set (written after the rules were developed on the first)");
	}

	private static void evaluate(Enricher enricher, String file, String label) {
		boolean verbose = Boolean.getBoolean("verbose");
		List<DevSet.Paragraph> paragraphs = DevSet.read(file, DevSet.Paragraph.class);
		Map<String, Scores> byType = new LinkedHashMap<>();
		for (String type : List.of("PERSON", "ORGANIZATION", "LOCATION")) {
			byType.put(type, new Scores());
		}
		Scores tags = new Scores();
		List<String> errors = new ArrayList<>();
		for (DevSet.Paragraph paragraph : paragraphs) {
			Enrichment enrichment = enricher.enrich(paragraph.title(), paragraph.text(), "en");
			Set<String> expected = new HashSet<>();
			paragraph.entities().forEach((e) -> expected.add(key(e.type(), e.name())));
			Set<String> found = new HashSet<>();
			for (Entity entity : enrichment.entities()) {
				found.add(key(entity.type().name(), entity.name()));
			}
			for (String type : byType.keySet()) {
				Scores counts = byType.get(type);
				for (String item : found) {
					if (item.startsWith(type + ":")) {
						if (expected.contains(item)) {
							counts.hit();
						}
						else {
							counts.falseFind();
							errors.add(paragraph.id() + "  false  " + item);
						}
					}
				}
				for (String item : expected) {
					if (item.startsWith(type + ":") && !found.contains(item)) {
						counts.miss();
						errors.add(paragraph.id() + "  missed " + item);
					}
				}
			}
			Set<String> expectedTags = new HashSet<>(paragraph.tags());
			for (String tag : enrichment.tags()) {
				if (expectedTags.contains(tag)) {
					tags.hit();
				}
				else {
					tags.falseFind();
					errors.add(paragraph.id() + "  false  tag " + tag);
				}
			}
			for (String tag : expectedTags) {
				if (!enrichment.tags().contains(tag)) {
					tags.miss();
					errors.add(paragraph.id() + "  missed tag " + tag);
				}
			}
		}
		Scores all = new Scores();
		byType.values().forEach(all::add);
		print(file + ", " + label + ": " + paragraphs.size() + " paragraphs, "
				+ paragraphs.stream().mapToInt((p) -> p.entities().size()).sum() + " hand-checked entities");
		byType.forEach((type, counts) -> print(counts.line(type)));
		print(all.line("overall"));
		print(tags.line("tags"));
		if (verbose) {
			errors.forEach(EntityEvaluation::print);
		}
	}

	static String key(String type, String name) {
		String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return type + ":" + plain.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
	}

	@SuppressWarnings("java:S106")
	private static void print(String line) {
		// A command-line report: standard output is its interface.
		System.out.println(line);
	}

}
