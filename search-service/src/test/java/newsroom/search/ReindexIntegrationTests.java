package newsroom.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.search.indexing.ReindexCommand;
import newsroom.testkit.NewsroomServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.awaitility.Awaitility.await;

/**
 * The reindex command ({@code --reindex}) on the real servers, next to the running
 * service: a new index is built from the topic, the alias moves to it, search answers all
 * along, and no article is lost, including those published during the rebuild; every
 * article keeps its story (or is one of its own).
 */
@ExtendWith(OutputCaptureExtension.class)
class ReindexIntegrationTests extends RealServersTestSupport {

	private static final Logger logger = LoggerFactory.getLogger(ReindexIntegrationTests.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final int COUNT = 2000;

	private static final int LATE = 50;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ElasticsearchClient client;

	@Test
	void rebuildsTheIndexFromTheTopicAndMovesTheAliasWhileSearchKeepsAnswering(CapturedOutput output) throws Exception {
		String source = "reindex-" + RUN;
		publishAll(articles(source, "early", COUNT));
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(total(source)).isEqualTo(COUNT));
		List<String> before = indicesBehindAlias();
		long documentsBefore = this.client.count((request) -> request.index(ALIAS)).count();

		Instant started = Instant.now();
		CompletableFuture<Integer> reindex = CompletableFuture
			.supplyAsync(() -> ReindexCommand.run(SearchApplication.class, ReindexCommand.ARGUMENT,
					"--newsroom.elasticsearch.uris=" + NewsroomServers.elasticsearch().uri(),
					"--spring.kafka.bootstrap-servers=" + NewsroomServers.kafka().bootstrapServers(),
					"--spring.kafka.consumer.group-id=" + GROUP, "--newsroom.search.index.alias=" + ALIAS,
					"--newsroom.search.index.name-prefix=" + ALIAS + "-v",
					"--newsroom.search.index.template-name=" + ALIAS,
					"--newsroom.search.reindex.progress-interval=200ms", "--newsroom.search.reindex.batch-size=500"));
		// Published while the rebuild runs: indexed live into whichever index the alias
		// has at that moment, and replayed into the new one if they came before the swap.
		publishAll(articles(source, "late", LATE));
		AtomicInteger searches = new AtomicInteger();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
			assertThat(total(source)).isBetween((long) COUNT, (long) COUNT + LATE);
			searches.incrementAndGet();
			return reindex.isDone();
		});
		Duration took = Duration.between(started, Instant.now());

		assertThat(reindex.get()).as("exit code").isZero();
		assertThat(searches.get()).isPositive();
		List<String> after = indicesBehindAlias();
		assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
		int previousVersion = before.stream().mapToInt(ReindexIntegrationTests::version).max().orElseThrow();
		assertThat(version(after.get(0))).isEqualTo(previousVersion + 1);
		// The previous index is kept, so moving the alias back undoes the reindex.
		assertThat(this.client.indices().exists((request) -> request.index(before)).value()).isTrue();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(total(source)).isEqualTo(COUNT + LATE));
		assertThat(this.client.count((request) -> request.index(after.get(0))).count())
			.isEqualTo(documentsBefore + LATE);
		// Stories come along: the early articles in pairs, the late ones (records without
		// a storyId) each a story of its own.
		assertThat(this.client
			.count((request) -> request.index(after.get(0)).query((q) -> q.exists((e) -> e.field("storyId"))))
			.count()).isEqualTo(documentsBefore + LATE);
		// With collapse=story, total is Elasticsearch's cardinality of the story ids:
		// close to exact at this size, not exact (a CI run once counted 1,049 for 1,050).
		// The exact check is the storyId count above.
		assertThat(total(source + "&collapse=story")).isCloseTo(COUNT / 2 + LATE, withinPercentage(1));
		assertThat(output).contains("Reindex progress:",
				"Reindex complete: alias " + ALIAS + " now on " + after.get(0));
		logger.info("Reindex of {} articles into {} took {} ms with {} searches answered meanwhile",
				documentsBefore + LATE, after.get(0), took.toMillis(), searches.get());
	}

	private List<String> indicesBehindAlias() throws IOException {
		return List.copyOf(this.client.indices().getAlias((request) -> request.name(ALIAS)).result().keySet());
	}

	private static int version(String index) {
		return Integer.parseInt(index.substring((ALIAS + "-v").length()));
	}

	private long total(String source) {
		MvcTestResult result = this.mvc.get().uri("/api/v1/search?size=1&source=" + source).exchange();
		assertThat(result).hasStatusOk();
		try {
			JsonNode answer = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
			return answer.path("total").asLong();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Council reports; the early ones in stories of two, the late ones written as before
	 * stories (no storyId).
	 */
	private static List<EnrichedArticle> articles(String source, String name, int count) {
		List<EnrichedArticle> articles = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			EnrichedArticle article = TestArticles.article(uniqueId(name), 1, "Council report " + name + " " + i,
					"The council met and published report " + i + " on the city budget. Members debated roads, "
							+ "schools and the harbour.",
					source, Instant.parse("2024-09-01T00:00:00Z").plusSeconds(i * 600L),
					List.of(TestArticles.entity("City Council", EntityType.ORGANIZATION, 0.8)), List.of("politics"));
			boolean paired = "early".equals(name);
			articles
				.add(paired ? article.withStoryId((i % 2 == 0) ? article.id() : articles.get(i - 1).id()) : article);
		}
		return articles;
	}

}
