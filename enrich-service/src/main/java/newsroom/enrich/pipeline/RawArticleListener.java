package newsroom.enrich.pipeline;

import newsroom.events.RawArticle;
import newsroom.events.Topics;
import org.slf4j.MDC;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@link Topics#RAW}. Each record is handled in its own Kafka transaction
 * started by the container; records that cannot be read or fail reach the after-rollback
 * processor, not this class.
 */
@Component
class RawArticleListener {

	static final String ID = "raw-articles";

	private final RawArticleProcessor processor;

	RawArticleListener(RawArticleProcessor processor) {
		this.processor = processor;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = Topics.RAW)
	void onRawArticle(RawArticle article) {
		// Every log line written while this article is processed carries its id.
		try (MDC.MDCCloseable articleId = MDC.putCloseable(LogFields.ARTICLE_ID, article.id())) {
			this.processor.process(article);
		}
	}

}
