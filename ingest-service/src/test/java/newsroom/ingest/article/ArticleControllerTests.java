package newsroom.ingest.article;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsroom.events.Origin;
import newsroom.events.RawArticle;
import newsroom.ingest.clean.TextCleaner;
import newsroom.ingest.extract.HtmlArticleExtractor;
import newsroom.ingest.publish.PublishFailedException;
import newsroom.ingest.publish.PublishedContentIndex;
import newsroom.ingest.publish.RawArticlePublisher;
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
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The HTTP contract of {@code POST /api/v1/articles} with the publisher replaced: status
 * codes, problem answers and what is handed to the publisher. Publishing itself is
 * covered by {@code ArticleIntakeIntegrationTests} on a real broker.
 */
@WebMvcTest(controllers = ArticleController.class,
		properties = { "newsroom.ingest.api-key=test-key", "newsroom.ingest.max-body-size=4KB" })
@Import({ ArticleIntake.class, IngestMetrics.class, TextCleaner.class, HtmlArticleExtractor.class,
		PublishedContentIndex.class, ArticleControllerTests.TestBeans.class })
class ArticleControllerTests {

	private static final Instant NOW = Instant.parse("2024-11-02T08:00:00Z");

	private static final String KEY = "test-key";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MeterRegistry meters;

	@MockitoBean
	private RawArticlePublisher publisher;

	@Test
	void acceptsAnArticleAndHandsItToThePublisher() {
		double acceptedBefore = count("accepted");

		MvcTestResult result = post("""
				{"url": "https://www.eastside.example/news/accepted?utm_source=feed",
				 "title": "  North Korea deploys troops to Russia ",
				 "text": "North Korea has sent soldiers.\\nStory continues below advertisement\\nThey train in Russia.",
				 "author": "Chloe Ren", "publishedAt": "2024-11-01T11:00:00+01:00", "language": "EN"}
				""");

		assertThat(result).hasStatus(HttpStatus.ACCEPTED).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		RawArticle article = published();
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"id": "%s", "status": "accepted", "topic": "news.articles.raw.v1"}
				""".formatted(article.id()));
		assertThat(article.id()).isEqualTo(ArticleIds.fromCanonicalUrl("https://www.eastside.example/news/accepted"));
		assertThat(article.schemaVersion()).isEqualTo(RawArticle.SCHEMA_VERSION);
		assertThat(article.revision()).isEqualTo(NOW.toEpochMilli());
		assertThat(article.url()).isEqualTo("https://www.eastside.example/news/accepted?utm_source=feed");
		assertThat(article.canonicalUrl()).isEqualTo("https://www.eastside.example/news/accepted");
		assertThat(article.source()).isEqualTo("eastside.example");
		assertThat(article.title()).isEqualTo("North Korea deploys troops to Russia");
		assertThat(article.text()).isEqualTo("North Korea has sent soldiers.\n\nThey train in Russia.");
		assertThat(article.author()).isEqualTo("Chloe Ren");
		assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-11-01T10:00:00Z"));
		assertThat(article.ingestedAt()).isEqualTo(NOW);
		assertThat(article.language()).isEqualTo("en");
		assertThat(article.contentHash()).isEqualTo(ArticleIds.contentHash(article.title(), article.text()));
		assertThat(article.origin()).isEqualTo(Origin.API);
		assertThat(article.feedId()).isNull();
		assertThat(count("accepted")).isEqualTo(acceptedBefore + 1);
	}

	@Test
	void refusesAnAcceptHeaderItCannotMeetBeforePublishing() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/articles")
			.header("X-Api-Key", KEY)
			.header("Accept", "image/png")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Unseen\", \"text\": \"Never published.\"}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.NOT_ACCEPTABLE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verify(this.publisher, never()).publish(any());
	}

	@Test
	void fillsDefaultsWhenOnlyTitleAndTextAreGiven() {
		assertThat(post("{\"title\": \"Council votes\", \"text\": \"The council met.\"}"))
			.hasStatus(HttpStatus.ACCEPTED);

		RawArticle article = published();
		assertThat(article.id()).isEqualTo(ArticleIds.fromContent("api", "Council votes", "The council met."));
		assertThat(article.source()).isEqualTo("api");
		assertThat(article.url()).isNull();
		assertThat(article.canonicalUrl()).isNull();
		assertThat(article.publishedAt()).isEqualTo(NOW);
		assertThat(article.author()).isNull();
		assertThat(article.language()).isNull();
	}

	@Test
	void answersDuplicateForTheSameContentAndPublishesOnce() {
		String body = "{\"url\": \"https://eastside.example/news/dup\", \"title\": \"Dup\", \"text\": \"Same text.\"}";
		assertThat(post(body)).hasStatus(HttpStatus.ACCEPTED);
		double duplicatesBefore = count("duplicate");

		MvcTestResult again = post(body.replace("/news/dup", "/news/dup/#top"));

		assertThat(again).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.status").isEqualTo("duplicate");
		verify(this.publisher, times(1)).publish(any());
		assertThat(count("duplicate")).isEqualTo(duplicatesBefore + 1);
	}

	@Test
	void publishesAgainWhenTheContentChanged() {
		assertThat(post("{\"url\": \"https://eastside.example/news/upd\", \"title\": \"Upd\", \"text\": \"One.\"}"))
			.hasStatus(HttpStatus.ACCEPTED);

		MvcTestResult changed = post(
				"{\"url\": \"https://eastside.example/news/upd\", \"title\": \"Upd\", \"text\": \"Two.\"}");

		assertThat(changed).bodyJson().extractingPath("$.status").isEqualTo("accepted");
		verify(this.publisher, times(2)).publish(any());
	}

	@Test
	void extractsMissingPartsFromHtml() {
		String html = "<html lang=\\\"de\\\"><head><meta property=\\\"og:title\\\" content=\\\"Hochwasser in Valencia\\\">"
				+ "<meta name=\\\"author\\\" content=\\\"Ana Ruiz\\\">"
				+ "<link rel=\\\"canonical\\\" href=\\\"https://news.example/hochwasser\\\"></head>"
				+ "<body><article><p>Es regnete.</p><p>Advertisement</p><p>Viel.</p></article></body></html>";

		assertThat(post("{\"html\": \"" + html + "\"}")).hasStatus(HttpStatus.ACCEPTED);

		RawArticle article = published();
		assertThat(article.title()).isEqualTo("Hochwasser in Valencia");
		assertThat(article.author()).isEqualTo("Ana Ruiz");
		assertThat(article.text()).isEqualTo("Es regnete.\n\nViel.");
		assertThat(article.canonicalUrl()).isEqualTo("https://news.example/hochwasser");
		assertThat(article.source()).isEqualTo("news.example");
		assertThat(article.language()).isEqualTo("de");
	}

	@Test
	void ignoresUnknownFields() {
		assertThat(post("{\"title\": \"T\", \"text\": \"Body.\", \"category\": \"world\", \"extra\": {\"a\": [1]}}"))
			.hasStatus(HttpStatus.ACCEPTED);
	}

	@Test
	void rejectsAnArticleWithoutTextOrHtml() {
		double rejectedBefore = count("rejected");

		assertInvalid(post("{\"title\": \"No body\"}"), "text");

		assertThat(count("rejected")).isEqualTo(rejectedBefore + 1);
	}

	@Test
	void rejectsABlankTitle() {
		assertInvalid(post("{\"title\": \"  \", \"text\": \"Body.\"}"), "title");
	}

	@Test
	void rejectsHtmlWithoutAnyTitle() {
		assertInvalid(post("{\"html\": \"<p>Only a paragraph.</p>\"}"), "title");
	}

	@Test
	void rejectsTextThatIsOnlyFurniture() {
		assertInvalid(post("{\"title\": \"T\", \"text\": \"Advertisement\\n0\\nTags:\"}"), "text");
	}

	@Test
	void rejectsAUrlThatIsNotAbsoluteHttp() {
		assertInvalid(post("{\"url\": \"ftp://eastside.example/a\", \"title\": \"T\", \"text\": \"Body.\"}"), "url");
		assertInvalid(post("{\"url\": \"/news/relative\", \"title\": \"T\", \"text\": \"Body.\"}"), "url");
	}

	@Test
	void rejectsAnUnparseablePublishedAt() {
		assertInvalid(post("{\"title\": \"T\", \"text\": \"Body.\", \"publishedAt\": \"yesterday\"}"), "publishedAt");
		assertInvalid(post("{\"title\": \"T\", \"text\": \"Body.\", \"publishedAt\": \"2024-11-01T10:00:00\"}"),
				"publishedAt");
	}

	@Test
	void rejectsAPublishedAtOfTheWrongJsonType() {
		assertInvalid(post("{\"title\": \"T\", \"text\": \"Body.\", \"publishedAt\": {\"day\": 1}}"), "publishedAt");
	}

	@Test
	void rejectsALanguageThatIsNotATwoLetterCode() {
		assertInvalid(post("{\"title\": \"T\", \"text\": \"Body.\", \"language\": \"english\"}"), "language");
	}

	@Test
	void namesEveryBadFieldInOneAnswer() {
		assertInvalid(post("{\"url\": \"nope\", \"title\": \"\", \"publishedAt\": \"soon\", \"language\": \"e\"}"),
				"url", "publishedAt", "language", "text", "title");
	}

	@Test
	void rejectsMalformedJson() {
		MvcTestResult result = post("{\"title\": \"T\", \"text\": ");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Malformed request body");
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(400);
		verify(this.publisher, never()).publish(any());
	}

	@Test
	void rejectsAnEmptyBody() {
		assertThat(post("")).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesContentThatIsNotJson() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/articles")
			.header("X-Api-Key", KEY)
			.contentType(MediaType.TEXT_PLAIN)
			.content("title=T&text=Body")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(415);
		verify(this.publisher, never()).publish(any());
	}

	@Test
	void refusesABodyOverTheLimit() {
		String text = "word ".repeat(1000);

		MvcTestResult result = post("{\"title\": \"T\", \"text\": \"" + text + "\"}");

		assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(413);
		verify(this.publisher, never()).publish(any());
	}

	@Test
	void requiresTheApiKey() {
		MvcTestResult missing = this.mvc.post()
			.uri("/api/v1/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"T\", \"text\": \"Body.\"}")
			.exchange();
		MvcTestResult wrong = this.mvc.post()
			.uri("/api/v1/articles")
			.header("X-Api-Key", "other-key")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"T\", \"text\": \"Body.\"}")
			.exchange();

		assertThat(missing).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(wrong).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(wrong).bodyJson().extractingPath("$.status").isEqualTo(401);
		verify(this.publisher, never()).publish(any());
	}

	@Test
	void leavesPathsOutsideTheApiToOtherGuards() {
		assertThat(this.mvc.get().uri("/actuator/health").exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void answersServiceUnavailableWhenTheBrokerFails() {
		willThrow(new PublishFailedException("x", "broker down", null)).given(this.publisher).publish(any());

		MvcTestResult result = post("{\"title\": \"Outage\", \"text\": \"Body.\"}");

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader("Retry-After", "5");
		assertThat(post("{\"title\": \"Outage\", \"text\": \"Body.\"}")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
	}

	private MvcTestResult post(String json) {
		return this.mvc.post()
			.uri("/api/v1/articles")
			.header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private void assertInvalid(MvcTestResult result, String... fields) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(400);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isNotBlank();
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(fields);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder((Object[]) fields);
		assertThat(result).bodyJson().extractingPath("$.errors[*].message").asArray().doesNotContainNull();
		verify(this.publisher, never()).publish(any());
	}

	private RawArticle published() {
		ArgumentCaptor<RawArticle> captor = ArgumentCaptor.forClass(RawArticle.class);
		verify(this.publisher).publish(captor.capture());
		assertThat(captor.getValue().id()).isNotBlank();
		return captor.getValue();
	}

	private double count(String outcome) {
		return this.meters.get(IngestMetrics.ARTICLES).tags("outcome", outcome, "origin", "api").counter().count();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestBeans {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
