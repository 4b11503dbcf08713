package newsroom.search.article;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import newsroom.events.EnrichedArticle;
import newsroom.search.config.QueryClient;
import newsroom.search.index.IndexDocument;
import newsroom.search.index.IndexUnavailableException;
import newsroom.search.index.NewsIndex;

import org.springframework.stereotype.Component;

/**
 * Reads single articles from the index through the alias.
 */
@Component
class ArticleReader {

	/** Elasticsearch ids are at most 512 bytes; a longer one cannot exist. */
	private static final int MAX_ID_BYTES = 512;

	private final QueryClient client;

	private final NewsIndex index;

	ArticleReader(QueryClient client, NewsIndex index) {
		this.client = client;
		this.index = index;
	}

	Optional<EnrichedArticle> find(String id) {
		if (id.isBlank() || id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
			return Optional.empty();
		}
		try {
			GetResponse<IndexDocument> response = this.client.elasticsearch()
				.get((get) -> get.index(this.index.alias()).id(id).sourceExcludes("suggest"), IndexDocument.class);
			return (response.found() && response.source() != null) ? Optional.of(response.source().toArticle())
					: Optional.empty();
		}
		catch (IOException | ElasticsearchException ex) {
			throw new IndexUnavailableException(ex);
		}
	}

}
