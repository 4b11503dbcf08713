package newsroom.search.config;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import newsroom.events.DeadLetterHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterReasonTests {

	@Test
	void namesTheExceptionInsideTheContainerWrappers() {
		IllegalStateException cause = new IllegalStateException(
				"document_parsing_exception: failed to parse field [publishedAt]");
		ConsumerRecord<String, String> record = new ConsumerRecord<>("news.articles.enriched.v1", 0, 7, "a1", "{}");
		Exception thrown = new ListenerExecutionFailedException("Listener failed",
				new BatchListenerFailedException(cause.getMessage(), cause, record));
		DeadLetterReason reason = DeadLetterReason.of(thrown);
		assertThat(reason.error()).isEqualTo(IllegalStateException.class.getName());
		assertThat(reason.reason()).isEqualTo("document_parsing_exception: failed to parse field [publishedAt]");
	}

	@Test
	void addsTheCauseOfAnUnreadableRecord() {
		DeserializationException cause = new DeserializationException("failed to deserialize", new byte[] { 1 }, false,
				new IllegalArgumentException("Unexpected character ('n' (code 110))"));
		DeadLetterReason reason = DeadLetterReason.of(new ListenerExecutionFailedException("Listener failed", cause));
		assertThat(reason.error()).isEqualTo(DeserializationException.class.getName());
		assertThat(reason.reason()).isEqualTo("failed to deserialize: Unexpected character ('n' (code 110))");
	}

	@Test
	void writesTheThreeNewsroomHeaders() {
		Headers headers = DeadLetterReason.of(new IllegalStateException("bad")).toHeaders();
		assertThat(text(headers, DeadLetterHeaders.ERROR)).isEqualTo("java.lang.IllegalStateException");
		assertThat(text(headers, DeadLetterHeaders.REASON)).isEqualTo("bad");
		assertThat(text(headers, DeadLetterHeaders.FAILED_AT)).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
	}

	private static String text(Headers headers, String name) {
		return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
