package newsroom.ingest.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIdsTests {

	@Test
	void derivesTheSameIdFromTheSameCanonicalUrl() {
		String id = ArticleIds.fromCanonicalUrl("https://eastside.example/news/north-korea-troops");

		assertThat(id).matches("[0-9a-f]{32}")
			.isEqualTo(ArticleIds.fromCanonicalUrl("https://eastside.example/news/north-korea-troops"))
			.isNotEqualTo(ArticleIds.fromCanonicalUrl("https://eastside.example/news/other"));
	}

	@Test
	void pinsTheIdAlgorithm() {
		// First 16 bytes of
		// SHA-256("url:https://eastside.example/news/north-korea-troops"): a change here
		// re-identifies every article, so it must be deliberate.
		assertThat(ArticleIds.fromCanonicalUrl("https://eastside.example/news/north-korea-troops"))
			.isEqualTo("2abc5c07e6d4ee29ee03fd96aa8b7c3f");
	}

	@Test
	void derivesIdsWithoutUrlFromSourceTitleAndText() {
		String id = ArticleIds.fromContent("api", "Title", "Text.");

		assertThat(id).matches("[0-9a-f]{32}")
			.isEqualTo(ArticleIds.fromContent("api", "Title", "Text."))
			.isNotEqualTo(ArticleIds.fromContent("eastside", "Title", "Text."))
			.isNotEqualTo(ArticleIds.fromContent("api", "Title Text", "."))
			.isNotEqualTo(ArticleIds.fromCanonicalUrl("Title"));
	}

	@Test
	void hashesTitleAndText() {
		String hash = ArticleIds.contentHash("Title", "Text.");

		assertThat(hash).matches("[0-9a-f]{64}")
			.isEqualTo(ArticleIds.contentHash("Title", "Text."))
			.isNotEqualTo(ArticleIds.contentHash("Title", "Text!"))
			.isNotEqualTo(ArticleIds.contentHash("Title!", "Text."));
	}

}
