package newsroom.search.indexing;

import java.util.List;

import newsroom.events.EnrichedArticle;
import newsroom.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@value Topics#ENRICHED} in batches. Offsets are committed only when the
 * method returns, that is after Elasticsearch acknowledged every record of the batch;
 * failures go through the container's error handler.
 */
@Component
class EnrichedArticleListener {

	private final ArticleIndexer indexer;

	EnrichedArticleListener(ArticleIndexer indexer) {
		this.indexer = indexer;
	}

	@KafkaListener(id = "search-indexer", idIsGroup = false, topics = Topics.ENRICHED, batch = "true")
	void onArticles(List<ConsumerRecord<String, EnrichedArticle>> records) {
		this.indexer.index(records);
	}

}
