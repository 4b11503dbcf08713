package newsroom.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.bench.ThroughputBenchmark;
import newsroom.enrich.story.ArticleProfile;
import newsroom.enrich.story.ArticleProfiler;
import newsroom.enrich.story.StoryWeights;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The enricher's whole output over a fixed set of articles, one JSON line each: the
 * enrichment, the near-duplicate fingerprint, the sentences, body and entity spans, and
 * the story profile. {@link EnrichmentGoldenTests} compares it with
 * {@code src/test/resources/golden/enrichment.jsonl}, written by the code before the
 * enricher was made faster, so that a change meant only for speed cannot change what
 * subscribers see. The articles were written for this project (the dev sets, the story
 * groups and {@code bench/stories/dev.jsonl}, the throughput benchmark's articles and the
 * cases below); the shared sample, written by others, is kept only as a hash of its line.
 *
 * <pre>
 * bench/enrich/run.sh newsroom.enrich.EnrichmentGolden enrich-service/src/test/resources/golden/enrichment.jsonl
 * </pre> (from the repository root) writes the file again, for a change that is meant to
 * alter the output.
 */
public final class EnrichmentGolden {

	static final String RESOURCE = "/golden/enrichment.jsonl";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant PUBLISHED = Instant.parse("2024-01-01T00:00:00Z");

	/**
	 * Id, title, text and language hint: the languages, shapes and edges the sets lack.
	 */
	private static final List<String[]> CASES = List.of(
			new String[] { "case-german", "Neue Brücke über die Elbe eröffnet",
					"Die neue Brücke über die Elbe bei Dresden ist am Freitag für den Verkehr freigegeben worden. "
							+ "Bürgermeisterin Petra Lange sprach von einem wichtigen Tag für die Stadt. Der Bau "
							+ "hatte fast vier Jahre gedauert und kostete rund 120 Mio. Euro.\n\nAb dem 3. Mai "
							+ "sollen auch Straßenbahnen über die Brücke fahren.",
					null },
			new String[] { "case-german-hint", "Neue Brücke über die Elbe eröffnet",
					"Die neue Brücke über die Elbe bei Dresden ist am Freitag freigegeben worden.", "DE-at" },
			new String[] { "case-french", "Grève des contrôleurs à Marseille",
					"Les contrôleurs aériens de Marseille ont entamé une grève de deux jours mardi matin. La "
							+ "direction de l'aéroport a annulé une centaine de vols. M. Durand, porte-parole du "
							+ "syndicat, a déclaré que les négociations reprendraient jeudi.",
					null },
			new String[] { "case-spanish", "Sequía en Andalucía",
					"La sequía obliga a restringir el riego en Andalucía. ¿Cuánto durará? Los agricultores de "
							+ "Sevilla piden ayudas al Gobierno antes del verano.",
					null },
			new String[] { "case-empty", "Short notice", "", "en" },
			new String[] { "case-digits", "2024", "12 345 678", null },
			new String[] { "case-bad-hint", "Harbour reopens", "The harbour at Port Ellis reopened on Monday.", "xx" },
			new String[] { "case-tail", "Council approves new library",
					"Tags: council, library\n\nThe city council of Brackwater approved plans for a new central "
							+ "library on Wednesday. Councillor Mira Holt said the building would open in 2026.\n\n"
							+ "Share this article\n\nAbout the author\n\nJon Pike covers local politics for the "
							+ "Brackwater Courier.\n\nTags: Brackwater, libraries",
					null },
			new String[] { "case-results", "Weekend results",
					"Northfield 3–1 Eastbury\nRiverton 2-2 Harbour City\nKingsport 0–4 Westmarch\n\n"
							+ "Riverton’s late equaliser kept them third in the Northern League. Dr. A. Kumar, "
							+ "the club’s U.S.-trained physio, said 12,000 fans saw the match.",
					null },
			new String[] { "case-unpunctuated", "No punctuation", String.join(" ", Collections.nCopies(200, "word")),
					"en" });

	private EnrichmentGolden() {
	}

	/**
	 * Write the golden file from the present code.
	 * @param args the file to write
	 * @throws IOException when it cannot be written
	 */
	public static void main(String[] args) throws IOException {
		Files.write(Path.of(args[0]), lines(), StandardCharsets.UTF_8);
	}

	/**
	 * The present code's output over the fixed articles.
	 * @return one JSON line per article
	 */
	static List<String> lines() {
		Enricher enricher = TestArticles.enricher();
		ArticleProfiler profiler = Enrichers.storyProfiler(StoryWeights.DEFAULT);
		List<String> lines = new ArrayList<>();
		for (String file : List.of("entities.jsonl", "entities-heldout.jsonl", "summaries.jsonl")) {
			for (JsonNode node : read("/dev-set/" + file)) {
				lines.add(line(enricher, profiler, node.get("id").asString(), node.get("title").asString(),
						node.get("text").asString(), null));
			}
		}
		List<JsonNode> stories = new ArrayList<>(read("/stories/dev-groups.jsonl"));
		stories.addAll(storyDevSet());
		for (JsonNode node : stories) {
			lines.add(line(enricher, profiler, node.get("id").asString(), node.get("title").asString(),
					node.get("body").asString(), null));
		}
		List<String[]> bench = ThroughputBenchmark.articles();
		for (int index = 0; index < bench.size(); index++) {
			lines.add(line(enricher, profiler, "bench-" + index, bench.get(index)[0], bench.get(index)[1], null));
		}
		for (String[] testCase : CASES) {
			lines.add(line(enricher, profiler, testCase[0], testCase[1], testCase[2], testCase[3]));
		}
		String sample = line(enricher, profiler, "sample", TestArticles.SAMPLE_TITLE,
				TestArticles.sample(TestArticles.SAMPLE), null);
		lines.add("{\"id\":\"sample\",\"sha256\":\"" + sha256(sample) + "\"}");
		return lines;
	}

	private static String line(Enricher enricher, ArticleProfiler profiler, String id, String title, String text,
			@Nullable String language) {
		Document document = enricher.document(title, text, language);
		ArticleProfile profile = profiler.profile(document, PUBLISHED, "golden");
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("id", id);
		line.put("enrichment", document.toEnrichment());
		line.put("fingerprint", Long.toHexString(document.fingerprint()));
		line.put("sentences",
				document.sentences()
					.stream()
					.map((sentence) -> sentence.start() + "-" + sentence.end() + "/" + sentence.block() + ":"
							+ sentence.tokens().size())
					.toList());
		line.put("body", document.body().stream().map((sentence) -> sentence.start()).toList());
		line.put("spans",
				document.entitySpans()
					.stream()
					.map((span) -> span.start() + "-" + span.end() + ":" + span.type())
					.toList());
		// In a fixed order: Map.of's changes from one JVM to the next.
		Map<String, Object> story = new LinkedHashMap<>();
		story.put("tags", profile.tags());
		story.put("terms", profile.terms());
		story.put("entities", profile.entities());
		story.put("results", profile.results());
		line.put("profile", story);
		return JSON.writeValueAsString(line);
	}

	private static List<JsonNode> read(String resource) {
		try (InputStream in = EnrichmentGolden.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the test classpath");
			}
			return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The story development set, written for this project, read in place. */
	private static List<JsonNode> storyDevSet() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path file = dir.resolve("bench").resolve("stories").resolve("dev.jsonl");
			if (Files.isRegularFile(file)) {
				try (BufferedReader reader = Files.newBufferedReader(file)) {
					return read(reader);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		throw new IllegalStateException("No bench/stories/dev.jsonl above " + Path.of("").toAbsolutePath());
	}

	private static List<JsonNode> read(BufferedReader reader) throws IOException {
		List<JsonNode> nodes = new ArrayList<>();
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			if (!line.isBlank()) {
				nodes.add(JSON.readTree(line));
			}
		}
		return nodes;
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
