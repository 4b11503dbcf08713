package newsroom.ingest.article;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleUrlsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					https://eastside.example/news/north-korea-troops                          | https://eastside.example/news/north-korea-troops
					HTTPS://EastSide.Example/news/north-korea-troops                          | https://eastside.example/news/north-korea-troops
					https://eastside.example:443/news/north-korea-troops                      | https://eastside.example/news/north-korea-troops
					http://eastside.example:80/news/north-korea-troops                        | http://eastside.example/news/north-korea-troops
					http://eastside.example:8080/news/north-korea-troops                      | http://eastside.example:8080/news/north-korea-troops
					https://eastside.example/news/north-korea-troops/                         | https://eastside.example/news/north-korea-troops
					https://eastside.example/news/north-korea-troops#comments                 | https://eastside.example/news/north-korea-troops
					https://eastside.example/news/./archive/../north-korea-troops             | https://eastside.example/news/north-korea-troops
					https://eastside.example/news/north-korea-troops?utm_source=x&utm_medium=y | https://eastside.example/news/north-korea-troops
					https://eastside.example/news/story?fbclid=abc&id=7&gclid=def             | https://eastside.example/news/story?id=7
					https://eastside.example/news/story?page=2&id=7&UTM_Campaign=z            | https://eastside.example/news/story?id=7&page=2
					https://eastside.example/news/story?b=2&a=1&b=1                           | https://eastside.example/news/story?a=1&b=2&b=1
					https://user:secret@eastside.example/news/story                           | https://eastside.example/news/story
					https://eastside.example.                                                 | https://eastside.example/
					https://eastside.example                                                  | https://eastside.example/
					https://eastside.example/News/Story                                       | https://eastside.example/News/Story
					""")
	void canonicalizesUrls(String given, String canonical) {
		URI uri = ArticleUrls.parseHttpUrl(given).orElseThrow();

		assertThat(ArticleUrls.canonicalize(uri)).isEqualTo(canonical);
	}

	@ParameterizedTest
	@ValueSource(strings = { "eastside.example/news", "/news/story", "ftp://eastside.example/file",
			"mailto:editor@eastside.example", "javascript:alert(1)", "https://", "https:///news",
			"https://eastside.example/news story", "not a url", "" })
	void refusesAnythingButAbsoluteHttpUrls(String given) {
		assertThat(ArticleUrls.parseHttpUrl(given)).isEmpty();
	}

	@Test
	void namesTheSourceAfterTheHostWithoutWww() {
		assertThat(ArticleUrls.sourceName(URI.create("https://WWW.Eastside.example/news")))
			.isEqualTo("eastside.example");
		assertThat(ArticleUrls.sourceName(URI.create("https://news.example.org/a"))).isEqualTo("news.example.org");
	}

}
