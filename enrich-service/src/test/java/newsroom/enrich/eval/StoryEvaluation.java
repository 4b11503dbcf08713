package newsroom.enrich.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import newsroom.enrich.Enrichers;
import newsroom.enrich.analysis.Document;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.analysis.StageObserver;
import newsroom.enrich.duplicate.DuplicateIndex;
import newsroom.enrich.nlp.NlpModels;
import newsroom.enrich.story.ArticleProfile;
import newsroom.enrich.story.ArticleProfiler;
import newsroom.enrich.story.Assignment;
import newsroom.enrich.story.StoryIndex;
import newsroom.enrich.story.StoryScore;
import newsroom.enrich.story.StoryScorer;
import newsroom.enrich.story.StoryWeights;
import newsroom.enrich.text.WordRanks;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The story evaluation command (not a test): runs the real enricher, near-duplicate check
 * and story assignment in process over labelled articles in order of publication, then
 * scores "same story" over every pair of articles: a pair is right when the two are in
 * one story and carry the same {@code event} label. Prints pairwise precision, recall and
 * F1 and the counts, per file.
 *
 * <pre>
 * bench/enrich/run.sh newsroom.enrich.eval.StoryEvaluation [file.jsonl ...] [-Dverbose=true]
 * </pre>
 *
 * Without files it reads the groups written for the tests,
 * {@code src/test/resources/stories/dev-groups.jsonl}. Each line is
 * {@code {"event","id","source","url","publishedAt","title","body"}}.
 * {@code -Dverbose=true} lists every wrong pair with its scores and shared terms;
 * {@code -Dpairs=true} prints the comparison of every pair that shares anything;
 * {@code -Dprofiles=file.jsonl} appends each article's profile to a file, for studying
 * weights elsewhere; {@code -Dstory.<name>} overrides one of the {@link StoryWeights}
 * ({@code -Dstory.threshold=0.35}) and {@code -Dstory.window=PT72H} the window, for
 * trying others on a development set.
 */
public final class StoryEvaluation {

	static final Path DEV_GROUPS = Path.of("src", "test", "resources", "stories", "dev-groups.jsonl");

	private static final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private StoryEvaluation() {
	}

	public static void main(String[] args) {
		List<Path> files = (args.length == 0) ? List.of(DEV_GROUPS) : List.of(args).stream().map(Path::of).toList();
		StoryWeights weights = weights();
		Duration window = Duration.parse(System.getProperty("story.window", "PT72H"));
		Enricher enricher = Enrichers.standard(NlpModels.load(), StageObserver.NONE);
		ArticleProfiler profiler = new ArticleProfiler(WordRanks.load(), weights);
		System.out.println("weights " + weights + ", window " + window);
		for (Path file : files) {
			List<Labelled> articles = read(file);
			Run run = run(articles, enricher, profiler, new StoryScorer(weights, window));
			Pairs pairs = Pairs.of(articles, run.storyOf());
			System.out.printf(Locale.ROOT,
					"%s: %d articles, %d events, %d stories; pairs: %d same-event, %d same-story, %d both; "
							+ "precision %.3f, recall %.3f, F1 %.3f%n",
					file, articles.size(), count(articles, Labelled::event),
					run.storyOf().values().stream().distinct().count(), pairs.gold(), pairs.found(), pairs.right(),
					pairs.precision(), pairs.recall(), pairs.f1());
			if (Boolean.getBoolean("verbose")) {
				explain(articles, run, new StoryScorer(weights, window));
			}
			if (System.getProperty("profiles") != null) {
				writeProfiles(articles, run, Path.of(System.getProperty("profiles")));
			}
			if (Boolean.getBoolean("pairs")) {
				printPairs(articles, run, new StoryScorer(weights, window));
			}
		}
	}

	/**
	 * Assign every article to a story, in order of publication, as the pipeline would.
	 * @param articles the labelled articles
	 * @param enricher the enricher
	 * @param profiler the story profiler
	 * @param scorer the story scorer
	 * @return each article's story and profile
	 */
	static Run run(List<Labelled> articles, Enricher enricher, ArticleProfiler profiler, StoryScorer scorer) {
		DuplicateIndex duplicates = new DuplicateIndex(6);
		StoryIndex stories = new StoryIndex(scorer, 50_000, Clock.systemUTC());
		Map<String, String> storyOf = new LinkedHashMap<>();
		Map<String, ArticleProfile> profiles = new HashMap<>();
		Map<String, Assignment> assignments = new HashMap<>();
		List<Labelled> ordered = new ArrayList<>(articles);
		ordered.sort(Comparator.comparing(Labelled::publishedAt));
		for (Labelled article : ordered) {
			Document document = enricher.document(article.title(), article.body(), null);
			String duplicateOf = duplicates.earlierDuplicate(article.id(), document.fingerprint()).orElse(null);
			duplicates.add(article.id(), document.fingerprint(), article.publishedAt());
			ArticleProfile profile = profiler.profile(document, article.publishedAt(), article.source());
			StoryIndex.Staging staging = stories.staging();
			Assignment assignment = staging.assign(article.id(), article.title(), profile, duplicateOf);
			staging.commit();
			storyOf.put(article.id(), assignment.storyId());
			profiles.put(article.id(), profile);
			assignments.put(article.id(), assignment);
		}
		return new Run(storyOf, profiles, assignments);
	}

	/** The wrong pairs: stories that merge events, events split over stories. */
	private static void explain(List<Labelled> articles, Run run, StoryScorer scorer) {
		for (int i = 0; i < articles.size(); i++) {
			for (int j = i + 1; j < articles.size(); j++) {
				Labelled one = articles.get(i);
				Labelled other = articles.get(j);
				boolean sameEvent = one.event().equals(other.event());
				boolean sameStory = run.storyOf().get(one.id()).equals(run.storyOf().get(other.id()));
				if (sameEvent != sameStory) {
					Labelled later = one.publishedAt().isAfter(other.publishedAt()) ? one : other;
					Labelled earlier = (later == one) ? other : one;
					System.out.printf(Locale.ROOT, "  %s %s | %s  (%s)%n    %s%n    %s%n",
							sameEvent ? "SPLIT" : "MERGED", earlier.id(), later.id(), later.event(), earlier.title(),
							later.title());
					System.out.printf(Locale.ROOT, "    direct: %s; assigned %s%n",
							scorer.score(run.profiles().get(later.id()), run.profiles().get(earlier.id())),
							describe(run.assignments().get(later.id())));
					System.out.println(
							"    shared: " + shared(run.profiles().get(later.id()), run.profiles().get(earlier.id())));
				}
			}
		}
	}

	/** Each article's label and profile as JSON Lines, for studying weights elsewhere. */
	private static void writeProfiles(List<Labelled> articles, Run run, Path file) {
		List<String> lines = new ArrayList<>();
		for (Labelled article : articles) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("event", article.event());
			line.put("id", article.id());
			line.put("profile", run.profiles().get(article.id()));
			lines.add(json.writeValueAsString(line));
		}
		try {
			Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every pair that shares anything, same event or not, with its direct comparison:
	 * {@code same|diff content entities time total}, for choosing weights.
	 */
	private static void printPairs(List<Labelled> articles, Run run, StoryScorer scorer) {
		for (int i = 0; i < articles.size(); i++) {
			for (int j = i + 1; j < articles.size(); j++) {
				Labelled one = articles.get(i);
				Labelled other = articles.get(j);
				Labelled later = one.publishedAt().isAfter(other.publishedAt()) ? one : other;
				Labelled earlier = (later == one) ? other : one;
				StoryScore score = scorer.score(run.profiles().get(later.id()), run.profiles().get(earlier.id()));
				if (score.content() > 0.05 || score.entities() > 0) {
					System.out.printf(Locale.ROOT, "PAIR %s %.3f %.3f %.3f %.3f %s %s%n",
							one.event().equals(other.event()) ? "same" : "diff", score.content(), score.entities(),
							score.time(), score.total(), earlier.id(), later.id());
				}
			}
		}
	}

	/** The terms two articles share, by their part of the cosine, and their entities. */
	private static String shared(ArticleProfile one, ArticleProfile other) {
		String terms = one.terms()
			.entrySet()
			.stream()
			.filter((term) -> other.terms().containsKey(term.getKey()))
			.sorted(Comparator.comparingDouble(
					(Map.Entry<String, Double> term) -> -term.getValue() * other.terms().get(term.getKey())))
			.limit(10)
			.map((term) -> String.format(Locale.ROOT, "%s %.3f", term.getKey(),
					term.getValue() * other.terms().get(term.getKey())))
			.collect(Collectors.joining(", "));
		return terms + " | entities " + one.entities().stream().map((e) -> e.name() + "/" + e.salience()).toList()
				+ " vs " + other.entities().stream().map((e) -> e.name() + "/" + e.salience()).toList();
	}

	private static String describe(Assignment assignment) {
		if (assignment.matched() == null) {
			return assignment.reason().name();
		}
		return assignment.reason() + " via " + assignment.matched() + " " + assignment.score();
	}

	private static long count(List<Labelled> articles, Function<Labelled, String> key) {
		return articles.stream().map(key).distinct().count();
	}

	/**
	 * The weights, each overridable with {@code -Dstory.<component>}.
	 * @return the weights to run
	 */
	static StoryWeights weights() {
		try {
			RecordComponent[] components = StoryWeights.class.getRecordComponents();
			Object[] values = new Object[components.length];
			Class<?>[] types = new Class<?>[components.length];
			for (int i = 0; i < components.length; i++) {
				double standard = (double) components[i].getAccessor().invoke(StoryWeights.DEFAULT);
				values[i] = Double
					.parseDouble(System.getProperty("story." + components[i].getName(), String.valueOf(standard)));
				types[i] = double.class;
			}
			return StoryWeights.class.getDeclaredConstructor(types).newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The articles of a JSON Lines file.
	 * @param file the file
	 * @return its articles, in file order
	 */
	static List<Labelled> read(Path file) {
		try {
			List<Labelled> articles = new ArrayList<>();
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					articles.add(json.readValue(line, Labelled.class));
				}
			}
			return articles;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An article with the event it reports.
	 *
	 * @param event the event's label: same label, same story
	 * @param id the article's id
	 * @param source its source
	 * @param url its address
	 * @param publishedAt when it was published
	 * @param title its title
	 * @param body its text
	 */
	record Labelled(String event, String id, String source, String url, Instant publishedAt, String title,
			String body) {
	}

	/**
	 * What a run assigned.
	 *
	 * @param storyOf each article's story, in order of publication
	 * @param profiles each article's profile
	 * @param assignments each article's assignment
	 */
	record Run(Map<String, String> storyOf, Map<String, ArticleProfile> profiles, Map<String, Assignment> assignments) {
	}

	/**
	 * Pair counts over every pair of articles.
	 *
	 * @param gold pairs of the same event
	 * @param found pairs put in the same story
	 * @param right pairs of the same event put in the same story
	 */
	record Pairs(long gold, long found, long right) {

		static Pairs of(List<Labelled> articles, Map<String, String> storyOf) {
			Map<String, Integer> events = new TreeMap<>();
			Map<String, Integer> stories = new TreeMap<>();
			Map<String, Integer> both = new TreeMap<>();
			for (Labelled article : articles) {
				String story = storyOf.get(article.id());
				events.merge(article.event(), 1, Integer::sum);
				stories.merge(story, 1, Integer::sum);
				both.merge(article.event() + "\u0000" + story, 1, Integer::sum);
			}
			return new Pairs(pairs(events.values()), pairs(stories.values()), pairs(both.values()));
		}

		private static long pairs(Collection<Integer> sizes) {
			return sizes.stream().mapToLong((n) -> (long) n * (n - 1) / 2).sum();
		}

		double precision() {
			return (this.found == 0) ? 1 : (double) this.right / this.found;
		}

		double recall() {
			return (this.gold == 0) ? 1 : (double) this.right / this.gold;
		}

		double f1() {
			double p = precision();
			double r = recall();
			return (p + r == 0) ? 0 : 2 * p * r / (p + r);
		}

	}

}
