package newsroom.ingest.extract;

import java.time.Instant;

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
				  <title>North Korea deploys troops | Eastside</title>
				  <meta property="og:title" content="North Korea deploys troops to Russia">
				  <meta name="author" content="Chloe Ren">
				  <meta property="article:published_time" content="2024-11-01T11:00:00+01:00">
				  <link rel="canonical" href="/news/north-korea-troops">
				  <script>var ads = 1;</script>
				</head>
				<body>
				  <nav><ul><li>Home</li><li>News</li></ul></nav>
				  <header><h1>Eastside</h1></header>
				  <article>
				    <h1>North Korea deploys troops to Russia</h1>
				    <p>North Korea has sent nearly <b>12,000</b> soldiers to eastern Russia.</p>
				    <aside><p>Most read: something else</p></aside>
				    <p>Most are heading towards the Kursk region.</p>
				  </article>
				  <footer><p>© 2024 Eastside</p></footer>
				</body>
				</html>
				""";

		ExtractedPage page = this.extractor.extract(html, "https://eastside.example/news/north-korea-troops?ref=x");

		assertThat(page.title()).contains("North Korea deploys troops to Russia");
		assertThat(page.author()).contains("Chloe Ren");
		assertThat(page.publishedAt()).contains(Instant.parse("2024-11-01T10:00:00Z"));
		assertThat(page.canonicalUrl()).contains("https://eastside.example/news/north-korea-troops");
		assertThat(page.language()).contains("en");
		assertThat(page.text()).isEqualTo(
				"North Korea has sent nearly 12,000 soldiers to eastern Russia.\n\nMost are heading towards the Kursk region.");
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

}
