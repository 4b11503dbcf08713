package newsroom.search.article;

import java.util.Optional;

import co.elastic.clients.elasticsearch.core.GetResponse;
import newsroom.events.EnrichedArticle;
import newsroom.search.elasticsearch.QueryClient;
import newsroom.search.index.IndexDocument;
import newsroom.search.index.NewsIndex;

import org.springframework.stereotype.Component;

/**
 * Reads single articles from the index through the alias.
 */
@Component
class ArticleReader {

	private final QueryClient client;

	private final NewsIndex index;

	ArticleReader(QueryClient client, NewsIndex index) {
		this.client = client;
		this.index = index;
	}

	Optional<EnrichedArticle> find(String id) {
		if (!IndexDocument.isUsableId(id)) {
			return Optional.empty();
		}
		GetResponse<IndexDocument> response = this.client.read((elasticsearch) -> elasticsearch
			.get((get) -> get.index(this.index.alias()).id(id).sourceExcludes("suggest"), IndexDocument.class));
		return (response.found() && response.source() != null) ? Optional.of(response.source().toArticle())
				: Optional.empty();
	}

}
