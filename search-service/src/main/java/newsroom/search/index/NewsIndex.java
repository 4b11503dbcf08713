package newsroom.search.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import newsroom.search.config.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The articles index: an index template for the versioned concrete indices
 * ({@code news-v*}) and the alias ({@code news}) that every read and write goes through,
 * so that a rebuilt index can replace the live one by moving the alias.
 */
@Component
public class NewsIndex implements IndexSetup {

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
	@Override
	public void ensureExists() throws IOException {
		putTemplate();
		if (this.client.indices().existsAlias((request) -> request.name(alias())).value()) {
			addNewFields();
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

	/**
	 * The concrete indices the alias points at now.
	 * @return their names, sorted
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	public List<String> indicesBehindAlias() throws IOException {
		return this.client.indices()
			.getAlias((request) -> request.name(alias()))
			.result()
			.keySet()
			.stream()
			.sorted()
			.toList();
	}

	/**
	 * The name for the next versioned index: one above the highest existing
	 * {@code <prefix>N}.
	 * @return e.g. {@code news-v2} when {@code news-v1} exists
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	public String nextIndexName() throws IOException {
		String prefix = this.settings.namePrefix();
		int highest = this.client.indices()
			.get((request) -> request.index(prefix + "*").expandWildcards(ExpandWildcard.All))
			.result()
			.keySet()
			.stream()
			.map((name) -> name.substring(prefix.length()))
			.filter((suffix) -> suffix.matches("[0-9]{1,9}"))
			.mapToInt(Integer::parseInt)
			.max()
			.orElse(0);
		return prefix + (highest + 1);
	}

	/**
	 * Create a versioned index from the template, without the alias, with refreshes off
	 * while it is bulk-loaded.
	 * @param name the new index, matching the template's pattern
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	public void createForBulkLoad(String name) throws IOException {
		putTemplate();
		this.client.indices()
			.create((request) -> request.index(name)
				.settings((settings) -> settings.refreshInterval((t) -> t.time("-1"))));
		logger.info("Created index {} for a bulk load", name);
	}

	/**
	 * Give a bulk-loaded index its configured refresh interval back and make everything
	 * in it searchable.
	 * @param name the index
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	public void finishBulkLoad(String name) throws IOException {
		this.client.indices()
			.putSettings((request) -> request.index(name)
				.settings((settings) -> settings
					.refreshInterval((t) -> t.time(this.settings.refreshInterval().toMillis() + "ms"))));
		this.client.indices().refresh((request) -> request.index(name));
	}

	/**
	 * Point the alias at another index in one atomic step: searches see the old index or
	 * the new one, never neither, and writes go to the new one from then on.
	 * @param from the indices the alias points at now
	 * @param to the index it points at afterwards, as write index
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	public void moveAlias(List<String> from, String to) throws IOException {
		this.client.indices().updateAliases((request) -> {
			for (String old : from) {
				request
					.actions((action) -> action.remove((remove) -> remove.index(old).alias(alias()).mustExist(true)));
			}
			return request.actions((action) -> action.add((add) -> add.index(to).alias(alias()).isWriteIndex(true)));
		});
		logger.info("Alias {} moved from {} to {}", alias(), from, to);
	}

	/**
	 * How many articles an index holds.
	 * @param name an index or the alias
	 * @return the document count
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	public long count(String name) throws IOException {
		return this.client.count((request) -> request.index(name)).count();
	}

	/**
	 * Delete a concrete index.
	 * @param name the index
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	public void delete(String name) throws IOException {
		this.client.indices().delete((request) -> request.index(name));
		logger.info("Deleted index {}", name);
	}

	/**
	 * Give the indices behind the alias the fields a release added to the mapping
	 * ({@code storyId}): the mapping is strict, so without them every new article would
	 * be refused. Documents indexed before keep lacking the field until their next
	 * revision or a reindex. A change that is not an addition is refused by Elasticsearch
	 * and needs the reindex command.
	 */
	private void addNewFields() throws IOException {
		TypeMapping mappings = mappings();
		try {
			this.client.indices()
				.putMapping((request) -> request.index(alias())
					.dynamic(mappings.dynamic())
					.properties(mappings.properties()));
			logger.info("Alias {} exists; its mapping is up to date", alias());
		}
		catch (ElasticsearchException ex) {
			if (ex.status() != 400) {
				throw ex;
			}
			logger.warn("The mapping of {} cannot take this release's fields ({}); run the reindex command", alias(),
					ex.getMessage());
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
