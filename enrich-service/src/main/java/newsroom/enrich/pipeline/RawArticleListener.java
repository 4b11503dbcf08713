package newsroom.enrich.pipeline;

import java.util.List;

import newsroom.events.RawArticle;
import newsroom.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@link Topics#RAW} a poll at a time: each batch is handled in one Kafka
 * transaction started by the container, so that a transaction commit (and a linger wait)
 * is paid per batch rather than per article. Records that cannot be read arrive with
 * their reason and are dead-lettered by the {@link RawArticleProcessor}; a failed batch
 * reaches the {@link BatchAfterRollbackProcessor}.
 */
@Component
class RawArticleListener {

	static final String ID = "raw-articles";

	private final RawArticleProcessor processor;

	RawArticleListener(RawArticleProcessor processor) {
		this.processor = processor;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = Topics.RAW, batch = "true")
	void onRawArticles(List<ConsumerRecord<String, RawArticle>> records, Consumer<?, ?> consumer) {
		this.processor.process(records, consumer);
	}

}
