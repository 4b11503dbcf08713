package newsroom.search.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.get_index_template.IndexTemplateItem;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import newsroom.search.SearchApplication;
import newsroom.testkit.NewsroomServers;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index template and alias on a real Elasticsearch, across application restarts.
 */
class NewsIndexIntegrationTests {

	@Test
	void createsTemplateIndexAndAliasAndKeepsThemAcrossRestarts() throws IOException {
		String alias = "news-restart-" + UUID.randomUUID().toString().substring(0, 8);
		try (ConfigurableApplicationContext first = start(alias)) {
			ElasticsearchClient client = first.getBean(ElasticsearchClient.class);
			IndexTemplateItem template = client.indices()
				.getIndexTemplate((request) -> request.name(alias))
				.indexTemplates()
				.get(0);
			assertThat(template.indexTemplate().indexPatterns()).containsExactly(alias + "-v*");
			assertThat(indicesBehind(client, alias)).containsExactly(alias + "-v1");
			assertThat(client.indices()
				.getMapping((request) -> request.index(alias))
				.result()
				.get(alias + "-v1")
				.mappings()
				.dynamic()).isEqualTo(DynamicMapping.Strict);
			client.index((request) -> request.index(alias)
				.id("kept")
				.document(IndexDocument.from(IndexDocumentTests.article("Kept across restarts")))
				.refresh(Refresh.True));
		}
		try (ConfigurableApplicationContext second = start(alias)) {
			ElasticsearchClient client = second.getBean(ElasticsearchClient.class);
			assertThat(indicesBehind(client, alias)).containsExactly(alias + "-v1");
			assertThat(client.count((request) -> request.index(alias)).count()).isEqualTo(1);
			assertThat(client.indices().getIndexTemplate((request) -> request.name(alias)).indexTemplates()).hasSize(1);
		}
	}

	@Test
	void pointsTheAliasAtAnIndexLeftWithoutOne() throws IOException {
		String alias = "news-orphan-" + UUID.randomUUID().toString().substring(0, 8);
		try (ConfigurableApplicationContext first = start(alias)) {
			ElasticsearchClient client = first.getBean(ElasticsearchClient.class);
			// As if a start had stopped between creating the index and adding the alias.
			client.indices().deleteAlias((request) -> request.index(alias + "-v1").name(alias));
			first.getBean(NewsIndex.class).ensureExists();
			assertThat(indicesBehind(client, alias)).containsExactly(alias + "-v1");
		}
	}

	@Test
	void addsTheStoryFieldToAnIndexMadeBeforeStories() throws IOException {
		String alias = "news-upgrade-" + UUID.randomUUID().toString().substring(0, 8);
		TypeMapping current = NewsIndex.mappings();
		Map<String, Property> before = new HashMap<>(current.properties());
		before.remove("storyId");
		try (RestClient rest = RestClient.builder(HttpHost.create(NewsroomServers.elasticsearch().uri())).build()) {
			ElasticsearchClient client = new ElasticsearchClient(
					new RestClientTransport(rest, new Jackson3JsonpMapper()));
			client.indices()
				.create((request) -> request.index(alias + "-v1")
					.mappings((mapping) -> mapping.dynamic(DynamicMapping.Strict).properties(before))
					.aliases(alias, (a) -> a.isWriteIndex(true)));
		}
		try (ConfigurableApplicationContext upgraded = start(alias)) {
			ElasticsearchClient client = upgraded.getBean(ElasticsearchClient.class);
			assertThat(client.indices()
				.getMapping((request) -> request.index(alias))
				.result()
				.get(alias + "-v1")
				.mappings()
				.properties()).containsKey("storyId");
			// A strict mapping without the field would refuse every new article.
			client.index((request) -> request.index(alias)
				.id("new")
				.document(IndexDocument.from(IndexDocumentTests.article("After the upgrade").withStoryId("s1")))
				.refresh(Refresh.True));
			assertThat(client
				.count((request) -> request.index(alias).query((q) -> q.term((t) -> t.field("storyId").value("s1"))))
				.count()).isEqualTo(1);
		}
	}

	private static Iterable<String> indicesBehind(ElasticsearchClient client, String alias) throws IOException {
		return client.indices().getAlias((request) -> request.name(alias)).result().keySet();
	}

	private static ConfigurableApplicationContext start(String alias) {
		// Command-line arguments: they outrank application.yml, default properties do
		// not.
		return new SpringApplicationBuilder(SearchApplication.class).web(WebApplicationType.NONE)
			.run("--newsroom.elasticsearch.uris=" + NewsroomServers.elasticsearch().uri(),
					"--spring.kafka.bootstrap-servers=" + NewsroomServers.kafka().bootstrapServers(),
					// Only start-up is under test here; the listeners stay idle.
					"--spring.kafka.listener.auto-startup=false", "--newsroom.search.index.alias=" + alias,
					"--newsroom.search.index.name-prefix=" + alias + "-v",
					"--newsroom.search.index.template-name=" + alias);
	}

}
