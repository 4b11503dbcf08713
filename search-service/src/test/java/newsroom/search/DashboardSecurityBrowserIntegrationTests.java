package newsroom.search;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import newsroom.events.Origin;
import newsroom.events.Story;
import newsroom.events.StoryEntity;
import newsroom.testkit.ApiCalls;
import newsroom.web.WebGuardsProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Script payloads in an indexed article (title, text, author, address, entities, tags,
 * keywords, summary) and in its story (title, sources, entities, tags) shown by the
 * dashboard in real headless Chromium, with the service's Content-Security-Policy
 * enforced: the search box's suggestions, the result list with its highlights and facets,
 * the article view, the story's other version under the result, the "Top stories" panel
 * and the story view show the markup as text; no payload runs (the flag it would set
 * stays unset, no alert), no link leads to {@code javascript:}, and the browser reports
 * no policy violation while the dashboard works. A probe that does break the rules shows
 * that the policy is enforced and that violations would be seen.
 */
@Order(2)
class DashboardSecurityBrowserIntegrationTests extends RealServersTestSupport {

	/** What a payload that runs sets; the page itself never does. */
	static final String FLAG = "__newsroomXss";

	/**
	 * Runs in every document before the page's own scripts (DevTools injects it, so the
	 * policy does not apply to it): collects policy violations and replaces the dialogs
	 * with recorders, so that an {@code alert} would be counted, not block the driver.
	 */
	static final String WATCH = """
			window.__cspViolations = [];
			window.__dialogs = [];
			document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
			    e.effectiveDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber), true);
			['alert', 'confirm', 'prompt'].forEach((name) => {
			  window[name] = (message) => { window.__dialogs.push(name + ': ' + message); };
			});
			""";

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvcTester mvc;

	@BeforeAll
	static void requireChromium() {
		Chromium.assumeInstalled();
	}

	@Test
	void showsScriptPayloadsAsTextAndRunsNoneOfThem(@TempDir Path profile) {
		String word = "zq" + runWord();
		EnrichedArticle article = hostileArticle(word, "title");
		// Another version of the same event, in the same story, whose payloads say
		// "version".
		EnrichedArticle version = hostileArticle(word, "version");
		Story story = hostileStory(article, version);
		publishAll(List.of(article.withStoryId(story.storyId()), version.withStoryId(story.storyId())));
		publishStory(story, null);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(this.mvc.get().uri("/api/v1/articles/{id}", version.id())).hasStatusOk();
			assertThat(this.mvc.get().uri("/api/v1/stories/{id}", story.storyId())).hasStatusOk();
			assertTopStoriesList(this.mvc, story.storyId());
		});
		assertPolicyHeaders();

		ChromeDriver driver = Chromium.start(profile);
		try {
			WebDriverWait wait = openWatched(driver, "/", "#results .result");

			// The suggestions under the box: the entity and the headline, as text.
			driver.findElement(By.id("q")).sendKeys(word);
			wait.until((d) -> d.findElement(By.id("suggestions")).getText().contains("onerror"));
			assertNoMarkupIn(driver, "#suggestions");

			driver.findElement(By.id("q")).sendKeys(Keys.ENTER);
			wait.until((d) -> d.getCurrentUrl().contains("q=" + word) && resultTitles(d).size() == 1
					&& !d.findElements(By.cssSelector("#results .snippet em")).isEmpty());
			assertThat(resultTitles(driver)).containsExactly(article.title());
			assertThat(driver.findElement(By.id("results")).getText()).contains("<script>", "javascript:");
			assertThat(driver.findElement(By.id("facet-entities")).getText()).contains("<img src=x onerror=");
			assertNoMarkupIn(driver, "#results");
			assertNoMarkupIn(driver, ".sidebar");

			driver.findElement(By.cssSelector("#results .result .result-title")).click();
			wait.until(ExpectedConditions.textToBe(By.id("article-title"), article.title()));
			assertThat(driver.findElement(By.id("article-body")).getText()).contains("<iframe src=\"javascript:",
					"<svg onload=", "<a href=\"javascript:");
			assertNoMarkupIn(driver, "#article-body");
			assertOnlyWebLinks(driver);
			driver.findElement(By.id("close-article")).click();

			// The story: the other version under the result, the panel, the story view.
			Chromium.click(wait, By.cssSelector("#results .story-toggle"));
			wait.until((d) -> !d.findElements(By.cssSelector("#results .story-articles li button")).isEmpty());
			assertThat(driver.findElement(By.cssSelector("#results .story-articles")).getText())
				.contains(version.title());
			assertNoMarkupIn(driver, "#results");
			WebElement top = wait.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("#top-stories .story[data-id='" + story.storyId() + "']")));
			assertThat(top.getText()).contains(story.title());
			assertNoMarkupIn(driver, "#stories-panel");
			top.click();
			wait.until(ExpectedConditions.textToBe(By.id("story-title"), story.title()));
			assertThat(driver.findElement(By.id("article-body")).getText()).contains("<script>window." + FLAG,
					"<img src=x onerror=");
			assertNoMarkupIn(driver, "#article-body");

			assertNothingRan(driver);
			assertThat(violations(driver)).as("policy violations while the dashboard worked").isEmpty();
			assertThatThePolicyIsEnforcedAndWatched(driver, wait);
		}
		finally {
			driver.quit();
		}
	}

	/**
	 * Swagger UI inserts style elements: its pages allow inline styles, and still no
	 * inline script.
	 */
	@Test
	void servesTheApiDescriptionUnderItsPolicy(@TempDir Path profile) {
		assertThat(new ApiCalls(this.port).send("GET", "/swagger-ui/index.html", null)
			.headers()
			.firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("script-src 'self';",
					"style-src 'unsafe-inline' 'self';", "frame-ancestors 'none'"));
		ChromeDriver driver = Chromium.start(profile);
		try {
			openWatched(driver, "/swagger-ui/index.html", ".swagger-ui .opblock");
			assertThat(driver.findElement(By.cssSelector(".swagger-ui")).getText()).contains("/api/v1/search");
			assertThat(violations(driver)).as("policy violations in the API description").isEmpty();
		}
		finally {
			driver.quit();
		}
	}

	/**
	 * Open a page of the service with the violation watch installed first, and wait until
	 * it shows an element.
	 */
	private WebDriverWait openWatched(ChromeDriver driver, String path, String shown) {
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
		WebDriverWait wait = Chromium.waiting(driver);
		driver.get("http://127.0.0.1:" + this.port + path);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(shown)));
		return wait;
	}

	/** The headers on the page and its files, as the browser got them. */
	private void assertPolicyHeaders() {
		ApiCalls calls = new ApiCalls(this.port);
		for (String path : List.of("/", "/app.js", "/js/dom.js", "/api/v1/search?q=x")) {
			HttpResponse<String> response = calls.send("GET", path, null);
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValue(WebGuardsProperties.STRICT_POLICY);
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
			assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
		}
		assertThat(WebGuardsProperties.STRICT_POLICY)
			.contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
	}

	/** Elements a payload would need, in a part of the page that shows article data. */
	private static void assertNoMarkupIn(WebDriver driver, String part) {
		assertThat(driver.findElements(By.cssSelector(part + " img, " + part + " script, " + part + " iframe, " + part
				+ " svg[onload], " + part + " [onerror], " + part + " [onmouseover]")))
			.as("payload elements in %s", part)
			.isEmpty();
	}

	private static void assertOnlyWebLinks(WebDriver driver) {
		List<String> targets = driver.findElements(By.cssSelector("a[href]"))
			.stream()
			.map((link) -> link.getAttribute("href"))
			.toList();
		assertThat(targets).isNotEmpty()
			.allSatisfy((href) -> assertThat(href).startsWith("http"))
			.noneSatisfy((href) -> assertThat(href).containsIgnoringCase("javascript:"));
	}

	private static void assertNothingRan(WebDriver driver) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		assertThat(js.executeScript("return typeof window." + FLAG)).as("a payload ran").isEqualTo("undefined");
		assertThat(js.executeScript("return window.__dialogs")).as("dialogs opened").asList().isEmpty();
		assertThat(driver.getTitle()).isEqualTo("Newsroom — search");
	}

	/**
	 * A handler the policy must refuse, put into the page from outside it: the flag stays
	 * unset and the one violation reaches the watch, so an empty list above means none.
	 */
	private static void assertThatThePolicyIsEnforcedAndWatched(WebDriver driver, WebDriverWait wait) {
		((JavascriptExecutor) driver).executeScript("document.body.insertAdjacentHTML('beforeend', "
				+ "'<img id=\"probe\" src=\"/no-such-image.png\" onerror=\"window." + FLAG + "=\\'probe\\'\">')");
		wait.until((d) -> !violations(d).isEmpty());
		assertThat(violations(driver)).singleElement().asString().startsWith("script-src-attr");
		assertNothingRan(driver);
	}

	@SuppressWarnings("unchecked")
	private static List<String> violations(WebDriver driver) {
		Object found = ((JavascriptExecutor) driver).executeScript("return window.__cspViolations");
		assertThat(found).as("the violation watch is installed").isInstanceOf(List.class);
		return (List<String>) found;
	}

	/** The story of both versions, with payloads in every field the dashboard shows. */
	private static Story hostileStory(EnrichedArticle first, EnrichedArticle second) {
		String payload = "<img src=x onerror=\"window." + FLAG + "='%s'\">";
		return new Story(Story.SCHEMA_VERSION, first.id(),
				"Story <script>window." + FLAG + "='story-title'</script> " + payload.formatted("story-title"), 2,
				List.of(first.source(), payload.formatted("story-source")), List.of(second.id(), first.id()),
				first.publishedAt(), second.publishedAt(),
				List.of(new StoryEntity(payload.formatted("story-entity"), EntityType.PERSON)),
				List.of(payload.formatted("story-tag")));
	}

	private static List<String> resultTitles(WebDriver driver) {
		return driver.findElements(By.cssSelector("#results .result .result-title"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	/**
	 * Payloads wherever the dashboard shows article data, each setting {@link #FLAG} to
	 * say where it ran; the word makes the article findable and its suggestions unique.
	 * The headline holds the word only for the first version, so that it is the story's
	 * best match.
	 */
	private static EnrichedArticle hostileArticle(String word, String name) {
		String id = uniqueId("hostile");
		String source = "hostile" + name + runWord();
		String title = ("title".equals(name) ? word + " harbour" : "Harbour") + " <img src=x onerror=\"window." + FLAG
				+ "='" + name + "'\"> report <script>window." + FLAG + "='" + name + "-script'</script>";
		String text = "The " + word + " harbour reopened on Monday. <script>window." + FLAG + "='text'</script> "
				+ "Read <a href=\"javascript:window." + FLAG + "='text-link'\">the details</a> or see "
				+ "<svg onload=\"window." + FLAG + "='svg'\"></svg> and <iframe src=\"javascript:window." + FLAG
				+ "='iframe'\"></iframe>.\n\nThe " + word + " port authority said the cranes work again.";
		String url = "javascript:window." + FLAG + "='url'";
		String payload = "<img src=x onerror=\"window." + FLAG + "='%s'\">";
		List<Entity> entities = List.of(
				new Entity(word + " " + payload.formatted("entity"), EntityType.PERSON, 3, 0.9, null),
				new Entity("\"><script>window." + FLAG + "='facet'</script>", EntityType.LOCATION, 2, 0.6, null));
		Instant publishedAt = Instant.now().minus(10, ChronoUnit.MINUTES);
		return new EnrichedArticle(1, id, 1, url, url, source, title, text, payload.formatted("author"), publishedAt,
				publishedAt.plusSeconds(30), "en", "hash-" + id, Origin.API, null,
				"Summary " + payload.formatted("summary"), entities, List.of(payload.formatted("tag")),
				List.of(word, payload.formatted("keyword")), 60, 1, publishedAt.plusSeconds(40), null);
	}

}
