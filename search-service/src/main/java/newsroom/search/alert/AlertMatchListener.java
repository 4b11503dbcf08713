package newsroom.search.alert;

import java.util.List;

import newsroom.events.EnrichedArticle;
import newsroom.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@value Topics#ENRICHED} beside the indexer, in a consumer group of its own
 * ({@code <group-id>-alerts}), and hands each batch to the {@link AlertMatcher}. Its
 * container runs every batch in a Kafka transaction: the matches and the batch's offsets
 * commit together, or neither does and the batch comes again.
 */
@Component
class AlertMatchListener {

	static final String ID = "search-alerts";

	private final AlertMatcher matcher;

	AlertMatchListener(AlertMatcher matcher) {
		this.matcher = matcher;
	}

	@KafkaListener(id = ID, idIsGroup = false, groupId = "${spring.kafka.consumer.group-id:newsroom-search}-alerts",
			topics = Topics.ENRICHED, batch = "true", containerFactory = AlertsConfiguration.CONTAINER_FACTORY)
	void onArticles(List<ConsumerRecord<String, EnrichedArticle>> records, Consumer<?, ?> consumer) {
		this.matcher.match(records, consumer);
	}

}
