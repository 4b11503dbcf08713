package newsroom.enrich.eval;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import newsroom.enrich.Enrichers;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.analysis.EntitySpan;
import newsroom.enrich.analysis.StageObserver;
import newsroom.enrich.nlp.NlpModels;
import newsroom.events.Entity;

/**
 * The entity evaluation on text nobody on this project wrote (a command, not a test):
 * runs the service's enricher over the WikiGold test part (articles 101–145, read in
 * place from {@code ../shared/data/ner/wikigold}) and prints two figures per type and
 * overall.
 * <ul>
 * <li><b>Document level</b> (the figure the project reports first): per article, the set
 * of distinct (lower-cased name, type) pairs of PERSON, ORGANIZATION and LOCATION (gold
 * MISC ignored); a found pair matches a gold pair of the same type when the names are
 * equal or one is a leading or trailing run of whole words of the other ("Putin" /
 * "Vladimir Putin"); precision and recall are summed over all articles.</li>
 * <li><b>Mention level</b>: every mention's exact character span and type.</li>
 * </ul>
 * {@code -Dpart=81-100} scores dev articles instead (the shipped tagger was trained on
 * all of 1–100: train without them first, see {@code NameTaggerTraining});
 * {@code -Dnews=FILE} scores an annotated news file of {@code training/entities} (written
 * here: label it so); {@code -Dverbose=true} lists every miss and false find.
 *
 * <pre>
 * bench/enrich/run.sh newsroom.enrich.eval.WikiGoldEvaluation
 * </pre>
 */
public final class WikiGoldEvaluation {

	static final List<String> TYPES = List.of("PER", "ORG", "LOC");

	private WikiGoldEvaluation() {
	}

	public static void main(String[] args) {
		Enricher enricher = Enrichers.standard(NlpModels.load(), StageObserver.NONE);
		String news = System.getProperty("news");
		List<LabelledDocument> documents;
		String label;
		if (news != null) {
			documents = AnnotatedNews.read(AnnotatedNews.FOLDER.resolve(news));
			label = "annotated news written for Newsroom (" + news + ")";
		}
		else if (System.getProperty("part") != null) {
			String range = System.getProperty("part");
			documents = WikiGold.dev(range);
			label = "WikiGold dev articles " + range + " (dev part: a figure for development, not an independent one)";
		}
		else {
			documents = WikiGold.test();
			label = "WikiGold test part, articles 101-145 (text nobody on this project wrote)";
		}
		Report report = evaluate(enricher, documents, Boolean.getBoolean("verbose"));
		print(label + ": " + documents.size() + " documents");
		report.print();
	}

	/**
	 * Scores the enricher on labelled documents.
	 * @param enricher the enricher
	 * @param documents the documents
	 * @param verbose whether to print every miss and false find
	 * @return the counts per type
	 */
	public static Report evaluate(Enricher enricher, List<LabelledDocument> documents, boolean verbose) {
		Report report = new Report();
		for (LabelledDocument labelled : documents) {
			Document document = enricher.document(labelled.title(), labelled.text(), "en");
			Set<Pair> gold = new HashSet<>();
			Set<Mention> goldMentions = new HashSet<>();
			for (LabelledDocument.Name name : labelled.names()) {
				if (TYPES.contains(name.type())) {
					gold.add(new Pair(normalise(labelled.text(name)), name.type()));
					goldMentions.add(new Mention(name.start(), name.end(), name.type()));
				}
			}
			Set<Pair> found = new HashSet<>();
			for (Entity entity : document.entities()) {
				found.add(new Pair(normalise(entity.name()), type(entity.type().name())));
			}
			Set<Mention> foundMentions = new HashSet<>();
			for (EntitySpan span : document.entitySpans()) {
				foundMentions.add(new Mention(span.start(), span.end(), type(span.type().name())));
			}
			for (String type : TYPES) {
				Scores documentLevel = report.documents.get(type);
				for (Pair pair : found) {
					if (pair.type().equals(type)) {
						boolean matched = gold.stream().anyMatch((g) -> g.matches(pair));
						documentLevel.foundRight += matched ? 1 : 0;
						documentLevel.found++;
						if (!matched && verbose) {
							print("  " + labelled.id() + "  false  " + pair);
						}
					}
				}
				for (Pair pair : gold) {
					if (pair.type().equals(type)) {
						boolean matched = found.stream().anyMatch((f) -> f.matches(pair));
						documentLevel.goldFound += matched ? 1 : 0;
						documentLevel.gold++;
						if (!matched && verbose) {
							print("  " + labelled.id() + "  missed " + pair);
						}
					}
				}
				Scores mentionLevel = report.mentions.get(type);
				for (Mention mention : foundMentions) {
					if (mention.type().equals(type)) {
						mentionLevel.found++;
						mentionLevel.foundRight += goldMentions.contains(mention) ? 1 : 0;
					}
				}
				for (Mention mention : goldMentions) {
					if (mention.type().equals(type)) {
						mentionLevel.gold++;
						mentionLevel.goldFound += foundMentions.contains(mention) ? 1 : 0;
					}
				}
			}
		}
		return report;
	}

	private static String type(String entityType) {
		return switch (entityType) {
			case "PERSON" -> "PER";
			case "ORGANIZATION" -> "ORG";
			default -> "LOC";
		};
	}

	static String normalise(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
	}

	private static void print(String line) {
		System.out.println(line);
	}

	/** A distinct name of a document and its type. */
	record Pair(String name, String type) {

		/**
		 * Same type, and one name equals the other or is a leading or trailing run of its
		 * words.
		 */
		boolean matches(Pair other) {
			if (!this.type.equals(other.type)) {
				return false;
			}
			String shorter = (this.name.length() <= other.name.length()) ? this.name : other.name;
			String longer = (shorter == this.name) ? other.name : this.name;
			return longer.equals(shorter) || longer.startsWith(shorter + " ") || longer.endsWith(" " + shorter);
		}

	}

	/** A mention's exact span and type. */
	record Mention(int start, int end, String type) {
	}

	/** Document-level and mention-level counts per type. */
	public static final class Report {

		final Map<String, Scores> documents = new LinkedHashMap<>();

		final Map<String, Scores> mentions = new LinkedHashMap<>();

		Report() {
			for (String type : TYPES) {
				this.documents.put(type, new Scores());
				this.mentions.put(type, new Scores());
			}
		}

		/** All types together, document level. */
		public Scores documentLevel() {
			Scores all = new Scores();
			this.documents.values().forEach(all::add);
			return all;
		}

		/** All types together, mention level. */
		public Scores mentionLevel() {
			Scores all = new Scores();
			this.mentions.values().forEach(all::add);
			return all;
		}

		/** The document-level counts of one type. */
		public Scores documentLevel(String type) {
			return this.documents.get(type);
		}

		void print() {
			WikiGoldEvaluation.print("Document level (distinct names per article, partial-name matches):");
			this.documents.forEach((type, counts) -> WikiGoldEvaluation.print(counts.line(type)));
			WikiGoldEvaluation.print(documentLevel().line("overall"));
			WikiGoldEvaluation.print("Mention level (exact span and type):");
			this.mentions.forEach((type, counts) -> WikiGoldEvaluation.print(counts.line(type)));
			WikiGoldEvaluation.print(mentionLevel().line("overall"));
		}

	}

}
