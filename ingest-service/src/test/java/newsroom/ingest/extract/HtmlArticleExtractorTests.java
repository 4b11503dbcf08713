package newsroom.ingest.extract;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlArticleExtractorTests {

	private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

	@Test
	void extractsMetadataAndArticleParagraphs() {
		String html = """
				<!doctype html>
				<html lang="en-GB">
				<head>
				  <title>Valmora ferry strike | Lakeside Herald</title>
				  <meta property="og:title" content="Ferry crews in Valmora strike over night shifts">
				  <meta name="author" content="Mara Okonjo">
				  <meta property="article:published_time" content="2024-11-01T11:00:00+01:00">
				  <link rel="canonical" href="/news/valmora-ferry-strike">
				  <script>var ads = 1;</script>
				</head>
				<body>
				  <nav><ul><li>Home</li><li>News</li></ul></nav>
				  <header><h1>Lakeside Herald</h1></header>
				  <article>
				    <h1>Ferry crews in Valmora strike over night shifts</h1>
				    <p>Ferry crews in Valmora stopped <b>all 14</b> crossings to the outer islands on Friday.</p>
				    <aside><p>Most read: something else</p></aside>
				    <p>The union wants extra pay for sailings after midnight.</p>
				  </article>
				  <footer><p>© 2024 Lakeside Herald</p></footer>
				</body>
				</html>
				""";

		ExtractedPage page = this.extractor.extract(html, "https://lakeside.example/news/valmora-ferry-strike?ref=x");

		assertThat(page.title()).contains("Ferry crews in Valmora strike over night shifts");
		assertThat(page.author()).contains("Mara Okonjo");
		assertThat(page.publishedAt()).contains(Instant.parse("2024-11-01T10:00:00Z"));
		assertThat(page.canonicalUrl()).contains("https://lakeside.example/news/valmora-ferry-strike");
		assertThat(page.language()).contains("en");
		assertThat(page.text())
			.isEqualTo("Ferry crews in Valmora stopped all 14 crossings to the outer islands on Friday."
					+ "\n\nThe union wants extra pay for sailings after midnight.");
	}

	@Test
	void fallsBackToTitleAndMainParagraphs() {
		String html = "<html><head><title>Council votes</title></head><body><main><p>The council met.</p>"
				+ "<p>It voted.</p></main><p>Outside main</p></body></html>";

		ExtractedPage page = this.extractor.extract(html, null);

		assertThat(page.title()).contains("Council votes");
		assertThat(page.text()).isEqualTo("The council met.\n\nIt voted.");
		assertThat(page.author()).isEmpty();
		assertThat(page.publishedAt()).isEmpty();
		assertThat(page.canonicalUrl()).isEmpty();
		assertThat(page.language()).isEmpty();
	}

	@Test
	void takesTheFirstHeadingWhenThePageHasNoTitle() {
		ExtractedPage page = this.extractor
			.extract("<body><h1>Floods in Valencia</h1><div><p>Rain fell.</p></div></body>", null);

		assertThat(page.title()).contains("Floods in Valencia");
		assertThat(page.text()).isEqualTo("Rain fell.");
	}

	@Test
	void ignoresAnUnparseablePublicationTime() {
		ExtractedPage page = this.extractor
			.extract("<head><meta property=\"article:published_time\" content=\"last Tuesday\"></head><p>x</p>", null);

		assertThat(page.publishedAt()).isEmpty();
	}

	@Test
	void readsJsonLdInsideAGraphAndDropsTheSiteNameFromTheTitle() {
		String html = """
				<html><head><title>Ferry adds a night sailing - Harbour Gazette</title>
				<meta property="og:site_name" content="Harbour Gazette">
				<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
				  {"@type": "WebSite", "name": "Harbour Gazette"},
				  {"@type": ["NewsArticle"], "headline": "Ferry adds a night sailing",
				   "author": [{"@type": "Person", "name": "Tomas Berg"}, {"@type": "Person", "name": "Ines Okafor"}],
				   "datePublished": "2024-11-05T09:00:00+01:00", "mainEntityOfPage": {"@id": "https://harbour.example/ferry"}}]}
				</script></head>
				<body><p>The ferry company will run a late sailing to the islands from December, leaving at half past eleven.</p></body></html>
				""";

		ExtractedPage page = this.extractor.extract(html, null);

		assertThat(page.title()).contains("Ferry adds a night sailing");
		assertThat(page.author()).contains("Tomas Berg, Ines Okafor");
		assertThat(page.publishedAt()).contains(Instant.parse("2024-11-05T08:00:00Z"));
		assertThat(page.canonicalUrl()).contains("https://harbour.example/ferry");
	}

	@Test
	void leavesFurnitureOutOfTheBody() {
		String html = """
				<html lang="en"><body>
				<div class="cookie-banner"><p>We use cookies to improve your experience, personalise ads and measure traffic, and we share data with partners.</p></div>
				<article class="post category-news"><h1>Bridge closes for repairs</h1>
				<div class="byline">By Nadia Petrova</div>
				<div class="entry-content">
				<p>The stone bridge will close to cars in June for two years while engineers replace its foundations.</p>
				<div class="ad-slot">Advertisement</div>
				<p>Pedestrians and cyclists will be able to cross on a temporary walkway for most of the period.</p>
				<div class="related-links"><h3>Related</h3><ul><li><a href="/a">Council delays vote on parking</a></li></ul></div>
				<figure><img src="x.jpg"><figcaption>The bridge at dawn</figcaption></figure>
				<p>Shopkeepers fear the closure will keep customers away and have asked for free parking.</p>
				<div class="share-bar"><a>Facebook</a><a>X</a></div>
				</div>
				<div class="author-bio"><p>Nadia Petrova covers transport and has worked for the paper since 2016, before that for radio.</p></div>
				<div id="comments" class="comments-area"><p>This is a disgrace, the bridge should have been repaired ten years ago by the old council.</p></div>
				</article></body></html>
				""";

		ExtractedPage page = this.extractor.extract(html, null);

		assertThat(page.title()).contains("Bridge closes for repairs");
		assertThat(page.author()).contains("Nadia Petrova");
		assertThat(page.text()).isEqualTo(
				"The stone bridge will close to cars in June for two years while engineers replace its foundations.\n\n"
						+ "Pedestrians and cyclists will be able to cross on a temporary walkway for most of the period.\n\n"
						+ "Shopkeepers fear the closure will keep customers away and have asked for free parking.");
	}

	@Test
	void joinsABodySplitIntoBlocks() {
		String html = """
				<html><head><title>Wolves return | Highland News</title></head><body><main><article>
				<h1>Wolves return</h1>
				<div class="text-block"><p>Camera traps have confirmed that a pack of at least five wolves has settled in the highlands.</p></div>
				<div class="image-block"><figure><img src="w.jpg"><figcaption>A wolf on a camera trap</figcaption></figure></div>
				<div class="text-block"><p>The animals probably came from a population across the border, officials said.</p></div>
				<div class="links-block"><ul><li><a href="/x">Sheep farmers ask for help</a></li></ul></div>
				<div class="text-block"><p>Hunting wolves remains illegal, and walkers are asked to keep their distance.</p></div>
				</article></main></body></html>
				""";

		ExtractedPage page = this.extractor.extract(html, null);

		assertThat(page.title()).contains("Wolves return");
		assertThat(List.of(page.text().split("\n\n"))).hasSize(3).last().asString().startsWith("Hunting wolves");
	}

	@Test
	void takesTheSegmentOfTheTitleThatThePageShows() {
		String html = "<html><head><title>GAZETTE ONLINE :: Market opens on Sundays</title></head><body>"
				+ "<font size=5><b>Market opens on Sundays</b></font><br>The market will open on Sundays in winter."
				+ "<br><br>Stalls open at eight.</body></html>";

		assertThat(this.extractor.extract(html, null).title()).contains("Market opens on Sundays");
	}

}
