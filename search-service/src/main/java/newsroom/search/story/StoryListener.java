package newsroom.search.story;

import java.util.List;

import newsroom.events.Story;
import newsroom.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@value Topics#STORIES} ({@code read_committed}: enrich-service writes each
 * snapshot in the transaction of the article that joined) in batches, in a consumer group
 * of its own ({@code <group-id>-stories}), so the indexer's group is not rebalanced with
 * it. Offsets are committed when the method returns, after Elasticsearch took the batch;
 * failures go through the service's error handler (dead letters, retries without end).
 */
@Component
class StoryListener {

	static final String ID = "search-stories";

	private final StoryWriter writer;

	StoryListener(StoryWriter writer) {
		this.writer = writer;
	}

	@KafkaListener(id = ID, idIsGroup = false, groupId = "${spring.kafka.consumer.group-id:newsroom-search}-stories",
			topics = Topics.STORIES, batch = "true", containerFactory = StoriesConfiguration.CONTAINER_FACTORY)
	void onStories(List<ConsumerRecord<String, Story>> records) {
		this.writer.write(records);
	}

}
