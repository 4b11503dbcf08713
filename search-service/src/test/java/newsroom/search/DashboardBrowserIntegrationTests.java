package newsroom.search;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import newsroom.events.EnrichedArticle;
import newsroom.events.Entity;
import newsroom.events.EntityType;
import newsroom.events.Origin;
import newsroom.events.Story;
import newsroom.events.StoryEntity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
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
 * The dashboard page in real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) against the running service on the real servers: a search
 * shows the sample article, a facet click narrows the results, the article view shows its
 * entities and related articles; three versions of one event show as one result ("2 more
 * from 3 sources", which lists the others) and in the "Top stories" panel, which opens
 * the story. Saves screenshots under target/ for a person to look at. Runs first in the
 * module, so the index holds only its own articles (the screenshot's test first).
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIntegrationTests extends RealServersTestSupport {

	/** The sample article: someone else's text, read where it lies and never copied. */
	static final Path SAMPLE = Path.of("..", "..", "shared", "samples", "eastside-north-korea-troops.txt");

	/**
	 * Under target/, never docs/: the README's picture comes from the real pipeline
	 * ({@code docs/dashboard-screenshot}), not from this test's hand-made articles.
	 */
	static final Path SCREENSHOT = Path.of("target", "screenshots", "dashboard.png");

	static final String SAMPLE_TITLE = "North Korea deploys troops to Russia";

	@LocalServerPort
	private int port;

	@Autowired
	private MockMvcTester mvc;

	@BeforeAll
	static void requireChromium() {
		Chromium.assumeInstalled();
	}

	@Test
	@Order(1)
	void showsTheSampleArticleForASearchAndNarrowsTheResultsWithAFacet(@TempDir Path profile) throws IOException {
		List<EnrichedArticle> articles = articles();
		publishAll(articles);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> articles.forEach(
					(article) -> assertThat(this.mvc.get().uri("/api/v1/articles/{id}", article.id())).hasStatusOk()));

		WebDriver driver = Chromium.start(profile);
		try {
			WebDriverWait wait = Chromium.waiting(driver);
			driver.get("http://127.0.0.1:" + this.port + "/");
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .result")));

			WebElement box = driver.findElement(By.id("q"));
			box.sendKeys("troops");
			box.sendKeys(Keys.ENTER);
			// The listing before the search has no highlights; the search's answer has.
			wait.until((d) -> d.getCurrentUrl().contains("q=troops")
					&& !d.findElements(By.cssSelector("#results .snippet em")).isEmpty());
			List<String> all = resultTitles(driver);
			assertThat(all).hasSize(4).contains(SAMPLE_TITLE);
			WebElement sample = driver.findElements(By.cssSelector("#results .result")).get(all.indexOf(SAMPLE_TITLE));
			assertThat(sample.findElements(By.cssSelector(".snippet em"))).isNotEmpty()
				.allSatisfy((mark) -> assertThat(mark.getText()).isEqualToIgnoringCase("troops"));
			// Grouped by story (the default); each of these articles is a story of its
			// own.
			assertThat(driver.findElement(By.id("summary")).getText()).startsWith("4 stories");
			assertThat(driver.findElements(By.cssSelector("#timeline svg rect.bar"))).hasSize(4);
			// The markup of a headline is shown as text, never run.
			assertThat(driver.findElements(By.cssSelector("#results img"))).isEmpty();
			screenshot(driver, SCREENSHOT);

			driver.findElement(By.cssSelector(".facet-value[data-facet='sources'][data-value='westside']")).click();
			wait.until((d) -> d.getCurrentUrl().contains("source=westside") && resultTitles(d).size() == 2);
			assertThat(resultTitles(driver)).doesNotContain(SAMPLE_TITLE)
				.containsExactlyInAnyOrder(articles.get(1).title(), articles.get(3).title());
			assertThat(driver.findElements(By.cssSelector("#results .meta .source")))
				.allSatisfy((source) -> assertThat(source.getText()).isEqualTo("westside"));
			assertThat(driver.findElement(By.id("active-filters")).getText()).contains("Source: westside");

			driver.findElement(By.cssSelector("#active-filters .chip")).click();
			wait.until((d) -> resultTitles(d).size() == 4);
			driver.findElements(By.cssSelector("#results .result .result-title"))
				.get(all.indexOf(SAMPLE_TITLE))
				.click();
			wait.until(ExpectedConditions.textToBe(By.id("article-title"), SAMPLE_TITLE));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#article-related li button")));
			assertThat(driver.findElement(By.id("article-entities")).getText()).contains("North Korea",
					"Anthony Blinken");
			assertThat(driver.findElements(By.cssSelector("#article-related li button"))).isNotEmpty()
				.noneSatisfy((related) -> assertThat(related.getText()).isEqualTo(SAMPLE_TITLE));
			screenshot(driver, SCREENSHOT.resolveSibling("dashboard-article.png"));

			driver.findElement(By.id("close-article")).click();
			WebElement search = driver.findElement(By.id("q"));
			search.clear();
			search.sendKeys("satire", Keys.ENTER);
			wait.until((d) -> resultTitles(d).size() == 1
					&& !d.findElements(By.cssSelector("#results .snippet em")).isEmpty());
			assertThat(resultTitles(driver)).containsExactly(articles.get(6).title());
			assertThat(driver.findElement(By.cssSelector("#results .snippet")).getText()).contains("<script>");
			assertThat(driver.findElements(By.cssSelector("#results img, #results script"))).isEmpty();
			assertThat(driver.getTitle()).isEqualTo("Newsroom — search");
		}
		finally {
			driver.quit();
		}
	}

	@Test
	@Order(2)
	void groupsResultsByStoryAndShowsTopStories(@TempDir Path profile) throws IOException {
		String word = "berth" + runWord();
		List<Entity> entities = List.of(location("Valmora", 0.9, 3, "NO"), person("Ines Halvorsen", 0.5, 1));
		EnrichedArticle first = article("lakeside", "Ferry crews in Valmora strike over night shifts",
				"Ferry crews in Valmora walked off the job on Friday at the " + word + ".", "Mara Okonjo",
				"2024-11-01T10:00:00Z", entities, List.of("labour"), List.of("strike"));
		String storyId = first.id();
		List<EnrichedArticle> versions = List.of(first.withStoryId(storyId),
				article("westside", "Valmora ferries stand still as crews strike",
						"No ferry left the Valmora " + word + " on Friday.", "Tomas Berg", "2024-11-01T11:00:00Z",
						entities, List.of("labour"), List.of("strike"))
					.withStoryId(storyId),
				article("northside", "Strike halts every Valmora crossing",
						"The union called the strike at the " + word + " after talks broke down.", "Ana Lima",
						"2024-11-01T12:00:00Z", entities, List.of("labour"), List.of("strike"))
					.withStoryId(storyId));
		publishAll(versions);
		publishStory(
				new Story(Story.SCHEMA_VERSION, storyId, first.title(), 3, List.of("lakeside", "westside", "northside"),
						List.of(versions.get(2).id(), versions.get(1).id(), storyId), versions.get(0).publishedAt(),
						versions.get(2).publishedAt(), List.of(new StoryEntity("Valmora", EntityType.LOCATION)),
						List.of("labour")),
				null);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(this.mvc.get().uri("/api/v1/stories/{id}", storyId)).hasStatusOk();
			assertTopStoriesList(this.mvc, storyId);
			assertThat(this.mvc.get().uri("/api/v1/search?q={word}", word)).bodyJson()
				.extractingPath("$.total")
				.isEqualTo(3);
		});

		WebDriver driver = Chromium.start(profile);
		try {
			WebDriverWait wait = Chromium.waiting(driver);
			driver.get("http://127.0.0.1:" + this.port + "/");
			WebElement top = wait.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("#top-stories .story[data-id='" + storyId + "']")));
			assertThat(top.getText()).contains(first.title(), "3 articles · 3 sources");

			WebElement box = driver.findElement(By.id("q"));
			box.sendKeys(word, Keys.ENTER);
			wait.until((d) -> d.getCurrentUrl().contains("q=" + word) && resultTitles(d).size() == 1
					&& !d.findElements(By.cssSelector("#results .story-toggle")).isEmpty());
			assertThat(driver.findElement(By.id("summary")).getText()).startsWith("1 story");
			WebElement more = driver.findElement(By.cssSelector("#results .story-toggle"));
			assertThat(more.getText()).contains("2 more from 3 sources");
			String shown = resultTitles(driver).get(0);
			more.click();
			wait.until((d) -> d.findElements(By.cssSelector("#results .story-articles li button")).size() == 2);
			List<String> others = driver.findElements(By.cssSelector("#results .story-articles li button"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(others).doesNotContain(shown);
			assertThat(concat(shown, others))
				.containsExactlyInAnyOrderElementsOf(versions.stream().map(EnrichedArticle::title).toList());
			screenshot(driver, SCREENSHOT.resolveSibling("dashboard-story.png"));

			driver.findElement(By.id("grouped")).click();
			wait.until((d) -> d.getCurrentUrl().contains("group=off") && resultTitles(d).size() == 3);
			assertThat(driver.findElement(By.id("summary")).getText()).startsWith("3 articles");
			assertThat(driver.findElements(By.cssSelector("#results .story-toggle"))).isEmpty();

			driver.findElement(By.cssSelector("#top-stories .story[data-id='" + storyId + "']")).click();
			wait.until(ExpectedConditions.textToBe(By.id("story-title"), first.title()));
			wait.until((d) -> d.findElements(By.cssSelector("#story-articles li button")).size() == 3);
			assertThat(
					driver.findElements(By.cssSelector("#story-articles li button")).stream().map(WebElement::getText))
				.as("oldest first")
				.containsExactlyElementsOf(versions.stream().map(EnrichedArticle::title).toList());
			assertThat(driver.findElement(By.id("article-body")).getText()).contains("3 articles · 3 sources",
					"lakeside, westside, northside", "Valmora");
		}
		finally {
			driver.quit();
		}
	}

	private static List<String> concat(String first, List<String> rest) {
		List<String> all = new ArrayList<>(rest);
		all.add(0, first);
		return all;
	}

	private static List<String> resultTitles(WebDriver driver) {
		return driver.findElements(By.cssSelector("#results .result .result-title"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private static void screenshot(WebDriver driver, Path target) throws IOException {
		((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
		File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * The sample and a few other articles around it, with entities typed by hand (this
	 * module has no enricher): the sample first, then three more about the troops, two
	 * that are not.
	 */
	private static List<EnrichedArticle> articles() throws IOException {
		String sample = Files.readString(SAMPLE);
		EnrichedArticle troops = article("eastside", SAMPLE_TITLE, sample, "Chloe Ren", "2024-11-01T10:00:00Z",
				List.of(location("North Korea", 0.95, 16, "KP"), location("Russia", 0.88, 15, "RU"),
						location("Ukraine", 0.61, 5, "UA"), person("Anthony Blinken", 0.42, 1),
						location("Kursk", 0.35, 1, "RU"), location("Pyongyang", 0.31, 2, "KP")),
				List.of("conflict-war-peace", "politics"),
				List.of("north korea", "troops", "russia", "kursk region", "military assistance"));
		EnrichedArticle kursk = article("westside", "Ukraine braces for North Korean troops near Kursk",
				"Ukrainian commanders said North Korean troops could reach the Kursk front within days. "
						+ "Volodymyr Zelensky asked allies for long-range weapons to strike the staging areas.\n\n"
						+ "Russia has not confirmed the deployment.",
				"Daria Koval", "2024-11-02T07:30:00Z",
				List.of(location("Ukraine", 0.9, 4, "UA"), location("Kursk", 0.8, 3, "RU"),
						location("North Korea", 0.7, 2, "KP"), person("Volodymyr Zelensky", 0.6, 2),
						location("Russia", 0.4, 1, "RU")),
				List.of("conflict-war-peace"), List.of("kursk", "troops", "ukraine"));
		EnrichedArticle seoul = article("northside", "Seoul weighs its answer as Pyongyang's troops reach Russia",
				"South Korea is considering sending weapons to Ukraine after North Korean troops arrived in Russia. "
						+ "Officials in Seoul met on Sunday.",
				"Min-jun Park", "2024-11-03T09:15:00Z",
				List.of(location("South Korea", 0.9, 3, "KR"), location("North Korea", 0.75, 2, "KP"),
						location("Russia", 0.5, 1, "RU"), location("Ukraine", 0.4, 1, "UA")),
				List.of("politics", "conflict-war-peace"), List.of("south korea", "troops", "weapons"));
		EnrichedArticle pentagon = article("westside", "Pentagon confirms 10,000 North Korean troops in eastern Russia",
				"The Pentagon said about 10,000 North Korean troops are training in eastern Russia. "
						+ "Lloyd Austin called the deployment dangerous.",
				"Sam Ortiz", "2024-10-29T16:45:00Z",
				List.of(organization("Pentagon", 0.8, 2), location("North Korea", 0.7, 2, "KP"),
						location("Russia", 0.6, 2, "RU"), person("Lloyd Austin", 0.5, 1)),
				List.of("conflict-war-peace", "politics"), List.of("pentagon", "troops"));
		EnrichedArticle lavrov = article("eastside", "Choe Son Hui meets Sergei Lavrov in Moscow",
				"North Korea's foreign minister met her Russian counterpart to discuss closer ties.", "Chloe Ren",
				"2024-11-04T12:00:00Z",
				List.of(person("Choe Son Hui", 0.8, 2), person("Sergei Lavrov", 0.7, 2),
						location("Moscow", 0.5, 1, "RU"), location("North Korea", 0.5, 1, "KP")),
				List.of("politics"), List.of("diplomacy", "moscow"));
		EnrichedArticle grain = article("southside", "Grain exports rise as the Black Sea corridor holds",
				"Shipments of wheat and corn rose for a third month.", "Ana Lima", "2024-10-28T08:00:00Z",
				List.of(location("Black Sea", 0.7, 2, null)), List.of("economy-business-finance"),
				List.of("grain", "exports"));
		// Markup in scraped text is text: the page must show it, never run it.
		EnrichedArticle satire = article("southside", "Satire <img src=x onerror=\"document.title='owned'\"> column",
				"A satire column about <script>alert('owned')</script> markup in headlines.", "Ana Lima",
				"2024-10-27T08:00:00Z", List.of(), List.of("arts-culture-entertainment"), List.of("satire"));
		return List.of(troops, kursk, seoul, pentagon, lavrov, grain, satire);
	}

	private static EnrichedArticle article(String source, String title, String text, String author, String published,
			List<Entity> entities, List<String> tags, List<String> keywords) {
		String id = uniqueId(source);
		String url = "https://" + source + ".example/news/" + id;
		Instant publishedAt = Instant.parse(published);
		int words = text.split("\\s+").length;
		String summary = text.substring(0, text.indexOf('.') + 1);
		return new EnrichedArticle(1, id, 1, url, url, source, title, text, author, publishedAt,
				publishedAt.plusSeconds(90), "en", "hash-" + id, Origin.API, null, summary, entities, tags, keywords,
				words, Math.max(1, words / 230), publishedAt.plusSeconds(95), null);
	}

	private static Entity location(String name, double salience, int mentions, String country) {
		return new Entity(name, EntityType.LOCATION, mentions, salience, country);
	}

	private static Entity person(String name, double salience, int mentions) {
		return new Entity(name, EntityType.PERSON, mentions, salience, null);
	}

	private static Entity organization(String name, double salience, int mentions) {
		return new Entity(name, EntityType.ORGANIZATION, mentions, salience, null);
	}

}
