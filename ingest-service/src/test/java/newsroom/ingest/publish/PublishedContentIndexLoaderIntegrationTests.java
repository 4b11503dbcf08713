package newsroom.ingest.publish;

import java.util.Map;
import java.util.UUID;

import newsroom.ingest.IngestApplication;
import newsroom.ingest.IngestClient;
import newsroom.ingest.IngestClient.Answer;
import newsroom.testkit.NewsroomServers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The duplicate answer survives a restart: a second application, started after the first
 * was closed, rebuilds its index from the raw topic on the real broker.
 */
class PublishedContentIndexLoaderIntegrationTests {

	@Test
	void answersDuplicateAfterARestart() {
		Map<String, String> article = Map.of("url", "https://eastside.example/news/restart-" + UUID.randomUUID(),
				"title", "Restart", "text", "Published before the restart.");
		String id;
		try (ConfigurableApplicationContext first = start()) {
			Answer answer = client(first).postArticle(article);
			assertThat(answer.json().path("status").asString()).isEqualTo("accepted");
			id = answer.json().path("id").asString();
		}

		try (ConfigurableApplicationContext second = start()) {
			assertThat(second.getBean(PublishedContentIndex.class).size()).isPositive();

			Answer again = client(second).postArticle(article);

			assertThat(again.status()).isEqualTo(202);
			assertThat(again.json().path("id").asString()).isEqualTo(id);
			assertThat(again.json().path("status").asString()).isEqualTo("duplicate");
		}
	}

	@Test
	void publishesAgainAfterARestartWhenTheContentChanged() {
		String url = "https://eastside.example/news/restart-changed-" + UUID.randomUUID();
		try (ConfigurableApplicationContext first = start()) {
			assertThat(
					client(first).postArticle(Map.of("url", url, "title", "Changed", "text", "Version one.")).status())
				.isEqualTo(202);
		}

		try (ConfigurableApplicationContext second = start()) {
			Answer changed = client(second).postArticle(Map.of("url", url, "title", "Changed", "text", "Version two."));

			assertThat(changed.json().path("status").asString()).isEqualTo("accepted");
		}
	}

	private static ConfigurableApplicationContext start() {
		// Command-line arguments, because they win over application.yml as a deployment's
		// settings would.
		return new SpringApplicationBuilder(IngestApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + NewsroomServers.kafka().bootstrapServers(),
				"--newsroom.ingest.dedup.rebuild-timeout=30s");
	}

	private static IngestClient client(ConfigurableApplicationContext context) {
		return new IngestClient(((WebServerApplicationContext) context).getWebServer().getPort());
	}

}
