package newsroom.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleFilesTests {

	private final ArticleFiles files = new ArticleFiles(JsonMapper.builder().build());

	@Test
	void findsHeadlineAndSourceOfEverySampleArticle() {
		List<ArticleFiles.Request> requests = this.files.read(List.of(Samples.repoSamples()));

		assertThat(requests).extracting((request) -> request.body().path("title").asString())
			.containsExactlyInAnyOrder("Heatwave bleached more than half of northern Great Barrier Reef, study finds",
					"Chebet smashes Harbor City Marathon course record",
					"Lumen to invest $6.5 billion in Texas chip plant",
					"Riverside council approves $48 million flood barrier");
		assertThat(requests).extracting((request) -> request.body().path("source").asString())
			.containsExactlyInAnyOrder("coral", "harbor", "lumen", "riverside");
	}

	@Test
	void findsHeadlineOfScrapedSharedSample() throws Exception {
		ArticleFiles.Request request = this.files.readFile(Samples.sharedSample()).get(0);

		assertThat(request.body().path("title").asString()).isEqualTo("North Korea deploys troops to Russia");
		assertThat(request.body().path("source").asString()).isEqualTo("eastside");
		// The whole scraped text is sent, furniture and all: cleaning is the ingest
		// service's job.
		assertThat(request.body().path("text").asString()).startsWith("North Korea has sent")
			.isEqualTo(Files.readString(Samples.sharedSample()));
	}

	@Test
	void readsJsonArraysNdjsonAndHtml(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("a.json"),
				"[{\"title\": \"One\", \"text\": \"x\"}, {\"title\": \"Two\", \"text\": \"y\"}]");
		Files.writeString(dir.resolve("b.ndjson"),
				"{\"title\": \"Three\", \"text\": \"z\"}\n\n{\"title\": \"Four\", \"text\": \"w\"}\n");
		Files.writeString(dir.resolve("c.html"), "<html><title>Five</title></html>");
		Files.writeString(dir.resolve("d.png"), "not an article");

		List<ArticleFiles.Request> requests = this.files.read(List.of(dir));

		assertThat(requests).extracting(ArticleFiles.Request::file)
			.containsExactly("a.json", "a.json", "b.ndjson", "b.ndjson", "c.html");
		assertThat(requests.get(4).body().path("html").asString()).contains("<title>Five</title>");
	}

}
