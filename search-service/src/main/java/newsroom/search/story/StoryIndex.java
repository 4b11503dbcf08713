package newsroom.search.story;

import java.io.IOException;
import java.io.InputStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import newsroom.search.config.SearchProperties;
import newsroom.search.index.IndexSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The stories index: one document per story, its latest snapshot from
 * {@code news.stories.v1}, id = story id. A plain index (no alias): it is rebuilt by
 * deleting it and replaying the compacted topic, not by a reindex.
 */
@Component
class StoryIndex implements IndexSetup {

	static final String MAPPINGS_RESOURCE = "elasticsearch/stories-mappings.json";

	private static final Logger logger = LoggerFactory.getLogger(StoryIndex.class);

	private final ElasticsearchClient client;

	private final String name;

	StoryIndex(ElasticsearchClient client, SearchProperties properties) {
		this.client = client;
		this.name = properties.stories().index();
	}

	/**
	 * The index stories are written to and read from.
	 * @return its name
	 */
	String name() {
		return this.name;
	}

	@Override
	public void ensureExists() throws IOException {
		if (this.client.indices().exists((request) -> request.index(this.name)).value()) {
			return;
		}
		try (InputStream json = new ClassPathResource(MAPPINGS_RESOURCE).getInputStream()) {
			TypeMapping mappings = TypeMapping.of((mapping) -> mapping.withJson(json));
			this.client.indices().create((request) -> request.index(this.name).mappings(mappings));
			logger.info("Created the stories index {}", this.name);
		}
		catch (ElasticsearchException ex) {
			// Another instance created it first.
			if (!"resource_already_exists_exception".equals(ex.error().type())) {
				throw ex;
			}
		}
	}

}
