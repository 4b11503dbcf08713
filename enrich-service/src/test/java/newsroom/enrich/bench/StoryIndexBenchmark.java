package newsroom.enrich.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import newsroom.enrich.Enrichers;
import newsroom.enrich.TestArticles;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.story.ArticleProfile;
import newsroom.enrich.story.ArticleProfiler;
import newsroom.enrich.story.StoryIndex;
import newsroom.enrich.story.StoryScorer;
import newsroom.enrich.story.StoryWeights;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the story index costs (not a test): the heap it holds per story and the time to
 * assign one article (the thread's CPU time, which the machine's load does not inflate,
 * and the elapsed time), with the index filling up to its bound. Profiles are those of
 * real articles (a JSON Lines file of {@code title} and {@code body}), each made a story
 * of its own by heavier terms of its own, so that every assignment still compares with
 * the stories that share the real terms; published over the window so that none is
 * closed. A hard case: with 160 articles for 50,000 stories, each term and entity of an
 * article is in hundreds of open stories.
 *
 * <pre>
 * bench/enrich/run.sh newsroom.enrich.bench.StoryIndexBenchmark ../main/bench/stories/dev.jsonl [-Dstories=50000]
 * </pre>
 */
public final class StoryIndexBenchmark {

	private StoryIndexBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int count = Integer.getInteger("stories", 50_000);
		List<ArticleProfile> profiles = profiles(Path.of(args[0]));
		Instant start = Instant.parse("2024-05-01T00:00:00Z");
		StoryIndex index = new StoryIndex(new StoryScorer(StoryWeights.DEFAULT, Duration.ofHours(72)), count,
				Clock.systemUTC());
		long before = usedHeap();
		long assignNanos = 0;
		long assignCpuNanos = 0;
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int i = 0; i < count; i++) {
			ArticleProfile template = profiles.get(i % profiles.size());
			// Heavy terms of its own, so that each article starts a story; the real ones
			// still find candidate stories to compare with.
			Map<String, Double> terms = new LinkedHashMap<>();
			terms.put("only" + i, 0.7);
			terms.put("#" + (100_000 + i), 0.6);
			template.terms().forEach((term, weight) -> terms.put(term, weight * 0.35));
			Instant published = start.plusMillis(Duration.ofHours(72).toMillis() * i / count);
			ArticleProfile profile = new ArticleProfile(published, template.source(), template.tags(), terms,
					template.entities(), template.results());
			long began = System.nanoTime();
			long beganCpu = threads.getCurrentThreadCpuTime();
			StoryIndex.Staging staging = index.staging();
			staging.assign("article-" + i, "Title " + i, profile, null);
			staging.commit();
			assignCpuNanos += threads.getCurrentThreadCpuTime() - beganCpu;
			assignNanos += System.nanoTime() - began;
		}
		long after = usedHeap();
		System.out.printf(Locale.ROOT,
				"%d stories held of %d: %.0f bytes each; per assignment %.3f ms of CPU, %.3f ms elapsed%n",
				index.size(), count, (after - before) / (double) index.size(), assignCpuNanos / 1e6 / count,
				assignNanos / 1e6 / count);
	}

	private static List<ArticleProfile> profiles(Path file) throws Exception {
		Enricher enricher = TestArticles.enricher();
		ArticleProfiler profiler = Enrichers.storyProfiler(StoryWeights.DEFAULT);
		List<ArticleProfile> profiles = new ArrayList<>();
		JsonMapper json = JsonMapper.builder().build();
		for (String line : Files.readAllLines(file)) {
			if (!line.isBlank()) {
				JsonNode node = json.readTree(line);
				profiles.add(profiler.profile(
						enricher.document(node.get("title").asString(), node.get("body").asString(), null),
						Instant.EPOCH, node.path("source").asString("wire")));
			}
		}
		return profiles;
	}

	private static long usedHeap() throws InterruptedException {
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
