package newsroom.search.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import newsroom.search.config.SearchProperties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The articles index: an index template for the versioned concrete indices
 * ({@code news-v*}) and the alias ({@code news}) that every read and write goes through,
 * so that a rebuilt index can replace the live one by moving the alias.
 */
@Component
public class NewsIndex {

	static final String MAPPINGS_RESOURCE = "elasticsearch/news-mappings.json";

	private static final Logger logger = LoggerFactory.getLogger(NewsIndex.class);

	private final ElasticsearchClient client;

	private final SearchProperties.Index settings;

	NewsIndex(ElasticsearchClient client, SearchProperties properties) {
		this.client = client;
		this.settings = properties.index();
	}

	/**
	 * The alias searches, reads and writes use.
	 * @return the alias name
	 */
	public String alias() {
		return this.settings.alias();
	}

	/**
	 * Put the index template, then create the first index behind the alias unless the
	 * alias already exists. Safe to run on every start and from several instances.
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	public void ensureExists() throws IOException {
		putTemplate();
		if (this.client.indices().existsAlias((request) -> request.name(alias())).value()) {
			logger.info("Alias {} exists; index left as it is", alias());
			return;
		}
		String index = this.settings.initialIndexName();
		try {
			this.client.indices()
				.create((request) -> request.index(index).aliases(alias(), (a) -> a.isWriteIndex(true)));
			logger.info("Created index {} behind alias {}", index, alias());
		}
		catch (ElasticsearchException ex) {
			if (!"resource_already_exists_exception".equals(ex.error().type())) {
				throw ex;
			}
			// Another instance won the race, or a previous start stopped before adding
			// the alias.
			this.client.indices()
				.updateAliases((request) -> request
					.actions((action) -> action.add((add) -> add.index(index).alias(alias()).isWriteIndex(true))));
			logger.info("Index {} existed; alias {} now points at it", index, alias());
		}
	}

	private void putTemplate() throws IOException {
		TypeMapping mappings = mappings();
		this.client.indices()
			.putIndexTemplate((request) -> request.name(this.settings.templateName())
				.indexPatterns(this.settings.namePrefix() + "*")
				.template((template) -> template
					.settings((s) -> s.numberOfShards(Integer.toString(this.settings.shards()))
						.numberOfReplicas(Integer.toString(this.settings.replicas()))
						.refreshInterval((t) -> t.time(this.settings.refreshInterval().toMillis() + "ms")))
					.mappings(mappings)));
		logger.info("Index template {} covers {}*", this.settings.templateName(), this.settings.namePrefix());
	}

	static TypeMapping mappings() {
		try (InputStream json = new ClassPathResource(MAPPINGS_RESOURCE).getInputStream()) {
			return TypeMapping.of((mapping) -> mapping.withJson(json));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + MAPPINGS_RESOURCE, ex);
		}
	}

}
