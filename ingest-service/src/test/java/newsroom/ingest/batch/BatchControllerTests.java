package newsroom.ingest.batch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsroom.events.Origin;
import newsroom.events.RawArticle;
import newsroom.ingest.article.ArticleIntake;
import newsroom.ingest.article.IngestMetrics;
import newsroom.ingest.clean.TextCleaner;
import newsroom.ingest.extract.HtmlArticleExtractor;
import newsroom.ingest.publish.PublishFailedException;
import newsroom.ingest.publish.PublishedContentIndex;
import newsroom.ingest.publish.RawArticlePublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The HTTP contract of {@code POST /api/v1/articles/batch} with the publisher replaced:
 * per-item outcomes, both body formats, and the guards. Publishing is covered on the real
 * broker by {@code BatchIntegrationTests}.
 */
@WebMvcTest(controllers = BatchController.class,
		properties = { "newsroom.ingest.api-key=test-key", "newsroom.ingest.max-body-size=2KB",
				"newsroom.ingest.batch.max-body-size=64KB", "newsroom.ingest.batch.window-items=3",
				"newsroom.ingest.batch.max-reported-rejections=2" })
@Import({ BatchIngest.class, ArticleIntake.class, IngestMetrics.class, TextCleaner.class, HtmlArticleExtractor.class,
		PublishedContentIndex.class, BatchControllerTests.TestBeans.class })
class BatchControllerTests {

	private static final String KEY = "test-key";

	private static final String NDJSON = "application/x-ndjson";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private RawArticlePublisher publisher;

	@BeforeEach
	void publisherAcknowledgesEverything() {
		given(this.publisher.publishAll(any())).willAnswer((invocation) -> {
			List<?> articles = invocation.getArgument(0);
			return articles.stream().map((article) -> Optional.<RuntimeException>empty()).toList();
		});
	}

	@Test
	void publishesTheGoodItemsOfAJsonArrayAndRejectsTheBadOnes() {
		MvcTestResult result = post(MediaType.APPLICATION_JSON_VALUE, """
				[{"title": "Array one", "text": "First."},
				 {"title": "", "text": "No title."},
				 {"title": "Three", "text": "Third.", "publishedAt": {"day": 1}},
				 "not an object",
				 {"title": "Array five", "text": "Fifth.", "url": "https://news.example/five?utm_source=x"}]
				""");

		assertThat(result).hasStatus(HttpStatus.OK).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(2);
		assertThat(result).bodyJson().extractingPath("$.duplicates").isEqualTo(0);
		assertThat(result).bodyJson().extractingPath("$.rejectedCount").isEqualTo(3);
		assertThat(result).bodyJson().extractingPath("$.rejected[*].index").asArray().containsExactly(1, 2);
		assertThat(result).bodyJson().extractingPath("$.rejected[0].errors[0].field").isEqualTo("title");
		assertThat(result).bodyJson().extractingPath("$.rejected[1].errors[0].field").isEqualTo("publishedAt");
		assertThat(result).bodyJson().extractingPath("$.ids").asArray().hasSize(2);
		List<RawArticle> published = published();
		assertThat(published).extracting(RawArticle::title).containsExactly("Array one", "Array five");
		assertThat(published).extracting(RawArticle::origin).containsOnly(Origin.BATCH);
	}

	@Test
	void judgesEveryNdjsonLineOnItsOwn() {
		byte[] body = join("{\"title\": \"Line one\", \"text\": \"First.\"}\n", "{\"title\": \"Two\", \"text\": \n",
				"\n", "{\"title\": \"Line three\", \"text\": \"Third.\"}\r\n", "{\"title\": \"Bad \u00ff", "\n",
				"[1, 2]\n", "{\"title\": \"Line six\", \"text\": \"Sixth.\"}");
		// an invalid UTF-8 byte inside the fourth item
		body = replace(body, "\u00ff".getBytes(StandardCharsets.UTF_8), new byte[] { (byte) 0xC3, (byte) 0x28 });

		MvcTestResult result = post(NDJSON, body);

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(3);
		assertThat(result).bodyJson().extractingPath("$.rejectedCount").isEqualTo(3);
		assertThat(result).bodyJson().extractingPath("$.rejected[*].index").asArray().containsExactly(1, 3);
		assertThat(result).bodyJson()
			.extractingPath("$.rejected[0].errors[0].message")
			.asString()
			.startsWith("is not valid JSON");
		assertThat(published()).extracting(RawArticle::title).containsExactly("Line one", "Line three", "Line six");
	}

	@Test
	void rejectsNdjsonLinesTheReaderRefusesAndGoesOn() {
		MvcTestResult result = post(NDJSON, "{\"title\": \"A\", \"text\": \"x\"}{\"title\": \"B\", \"text\": \"y\"}\n"
				+ "[".repeat(600) + "\n{\"title\": \"After the refused lines\", \"text\": \"Read all the same.\"}\n");

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$.rejected[*].index").asArray().containsExactly(0, 1);
		assertThat(result).bodyJson()
			.extractingPath("$.rejected[0].errors[0].message")
			.asString()
			.contains("more than one JSON value");
		assertThat(result).bodyJson()
			.extractingPath("$.rejected[1].errors[0].message")
			.asString()
			.contains("exceeds a limit of the JSON reader", "nesting depth");
		assertThat(published()).extracting(RawArticle::title).containsExactly("After the refused lines");
	}

	@Test
	void refusesAnAcceptHeaderItCannotMeetBeforePublishingAnything() {
		for (String accept : List.of("text/html", "application/json;q=abc")) {
			MvcTestResult result = this.mvc.post()
				.uri("/api/v1/articles/batch")
				.header("X-Api-Key", KEY)
				.header("Accept", accept)
				.contentType(NDJSON)
				.content("{\"title\": \"Unseen\", \"text\": \"Never published.\"}\n")
				.exchange();

			assertThat(result).hasStatus(HttpStatus.NOT_ACCEPTABLE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		verify(this.publisher, never()).publishAll(any());
		verify(this.publisher, never()).publish(any());
	}

	@Test
	void rejectsAnItemOverThePerItemLimitAndGoesOn() {
		String big = "{\"title\": \"Big\", \"text\": \"" + "word ".repeat(600) + "\"}";

		MvcTestResult lines = post(NDJSON, big + "\n{\"title\": \"After\", \"text\": \"Still read.\"}\n");
		MvcTestResult array = post(MediaType.APPLICATION_JSON_VALUE, "[{\"title\": \"Big\", \"nested\": {\"a\": ["
				+ "1, ".repeat(1500) + "1]}, \"text\": \"x\"}, {\"title\": \"Later\", \"text\": \"Still read.\"}]");

		for (MvcTestResult result : List.of(lines, array)) {
			assertThat(result).hasStatus(HttpStatus.OK);
			assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(1);
			assertThat(result).bodyJson().extractingPath("$.rejected[0].index").isEqualTo(0);
			assertThat(result).bodyJson()
				.extractingPath("$.rejected[0].errors[0].message")
				.asString()
				.contains("larger than the limit");
		}
	}

	@Test
	void endsAnArrayAtASyntaxErrorKeepingWhatCameBefore() {
		MvcTestResult result = post(MediaType.APPLICATION_JSON_VALUE,
				"[{\"title\": \"Before the error\", \"text\": \"First.\"}, {\"title\": oops}, {\"title\": \"Three\", \"text\": \"x\"}]");

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$.rejected[0].index").isEqualTo(1);
		assertThat(result).bodyJson()
			.extractingPath("$.rejected[0].errors[0].message")
			.asString()
			.contains("not valid JSON", "not read");
	}

	@Test
	void answersDuplicatesWithinOneBatch() {
		String item = "{\"url\": \"https://news.example/same\", \"title\": \"Same\", \"text\": \"Same text.\"}\n";

		MvcTestResult result = post(NDJSON, item + item + item + item);

		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$.duplicates").isEqualTo(3);
		assertThat(published()).hasSize(1);
		assertThat(result).bodyJson()
			.extractingPath("$.ids")
			.asArray()
			.hasSize(4)
			.containsOnly(published().get(0).id());
	}

	@Test
	void refusesABodyThatIsNotAnArray() {
		for (String body : List.of("{\"title\": \"T\", \"text\": \"x\"}", "", "[{", "42")) {
			MvcTestResult result = post(MediaType.APPLICATION_JSON_VALUE, body);

			if (body.equals("[{")) {
				assertThat(result).hasStatus(HttpStatus.OK);
			}
			else {
				assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			}
		}
		verify(this.publisher, never()).publishAll(any());
		verify(this.publisher, never()).publish(any());
	}

	@Test
	void acceptsAnEmptyBatch() {
		assertThat(post(MediaType.APPLICATION_JSON_VALUE, "[]")).bodyJson().isLenientlyEqualTo("""
				{"accepted": 0, "duplicates": 0, "rejected": [], "rejectedCount": 0, "ids": []}
				""");
		assertThat(post(NDJSON, "\n\n")).bodyJson().extractingPath("$.rejectedCount").isEqualTo(0);
	}

	@Test
	void listsAtMostTheConfiguredNumberOfRejections() {
		MvcTestResult result = post(NDJSON, "x\ny\nz\nw\n");

		assertThat(result).bodyJson().extractingPath("$.rejectedCount").isEqualTo(4);
		assertThat(result).bodyJson().extractingPath("$.rejected").asArray().hasSize(2);
	}

	@Test
	void guardsTheEndpointLikeEveryWriteEndpoint() {
		assertThat(this.mvc.post()
			.uri("/api/v1/articles/batch")
			.contentType(MediaType.APPLICATION_JSON)
			.content("[]")
			.exchange()).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(post(MediaType.TEXT_PLAIN_VALUE, "[]")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		String overBatchLimit = "{\"title\": \"T\", \"text\": \"x\"}\n".repeat(64 * 1024 / 20);
		assertThat(post(NDJSON, overBatchLimit)).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("newsroom.ingest.batch.max-body-size");
	}

	@Test
	void answersServiceUnavailableWhenTheBrokerFails() {
		willThrow(new PublishFailedException("x", "broker down", null)).given(this.publisher).publishAll(any());
		willThrow(new PublishFailedException("x", "broker down", null)).given(this.publisher).publish(any());

		assertThat(post(NDJSON, "{\"title\": \"Outage\", \"text\": \"Not stored.\"}\n"))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private MvcTestResult post(String contentType, String body) {
		return post(contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	private MvcTestResult post(String contentType, byte[] body) {
		return this.mvc.post()
			.uri("/api/v1/articles/batch")
			.header("X-Api-Key", KEY)
			.contentType(contentType)
			.content(body)
			.exchange();
	}

	private List<RawArticle> published() {
		// One article alone is published with publish(), several with publishAll().
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<RawArticle>> windows = ArgumentCaptor.forClass(List.class);
		verify(this.publisher, atLeast(0)).publishAll(windows.capture());
		ArgumentCaptor<RawArticle> single = ArgumentCaptor.forClass(RawArticle.class);
		verify(this.publisher, atLeast(0)).publish(single.capture());
		List<RawArticle> all = new ArrayList<>();
		windows.getAllValues().forEach(all::addAll);
		all.addAll(single.getAllValues());
		all.sort(Comparator.comparing(RawArticle::revision));
		return all;
	}

	private static byte[] join(String... parts) {
		return String.join("", parts).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] replace(byte[] body, byte[] from, byte[] to) {
		String text = new String(body, StandardCharsets.ISO_8859_1);
		return text.replace(new String(from, StandardCharsets.ISO_8859_1), new String(to, StandardCharsets.ISO_8859_1))
			.getBytes(StandardCharsets.ISO_8859_1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestBeans {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
