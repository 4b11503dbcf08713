package newsroom.enrich.pipeline;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import newsroom.events.CloudEventHeaders;
import newsroom.events.Story;
import newsroom.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes a story's snapshot on {@link Topics#STORIES}, keyed by story id, with
 * CloudEvents binary-mode headers, whenever an article joins the story. The send joins
 * the listener container's Kafka transaction, so the snapshot becomes visible together
 * with the enriched record of the article that joined, and never without it.
 */
@Component
class StoryPublisher {

	private final KafkaTemplate<String, Story> template;

	StoryPublisher(KafkaTemplate<String, Story> template) {
		this.template = template;
	}

	CompletableFuture<SendResult<String, Story>> publish(Story story, Instant time) {
		return this.template.send(new ProducerRecord<>(Topics.STORIES, null, story.storyId(), story,
				EnrichedArticlePublisher.cloudEventHeaders(CloudEventHeaders.STORY_TYPE, time)));
	}

}
