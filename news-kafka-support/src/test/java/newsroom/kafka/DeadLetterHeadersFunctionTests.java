package newsroom.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import newsroom.events.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterHeadersFunctionTests {

	private static final ConsumerRecord<String, String> RECORD = new ConsumerRecord<>("news.articles.enriched.v1", 0, 7,
			"a1", "{}");

	private final DeadLetterHeadersFunction headers = new DeadLetterHeadersFunction(
			Clock.fixed(Instant.parse("2026-03-02T10:15:30.123456Z"), ZoneOffset.UTC));

	@Test
	void namesTheExceptionInsideTheContainerWrappers() {
		IllegalStateException cause = new IllegalStateException(
				"document_parsing_exception: failed to parse field [publishedAt]");
		Exception thrown = new ListenerExecutionFailedException("Listener failed",
				new BatchListenerFailedException(cause.getMessage(), cause, RECORD));

		Headers written = this.headers.apply(RECORD, thrown);

		assertThat(text(written, DeadLetterHeaders.ERROR)).isEqualTo(IllegalStateException.class.getName());
		assertThat(text(written, DeadLetterHeaders.REASON))
			.isEqualTo("document_parsing_exception: failed to parse field [publishedAt]");
		assertThat(text(written, DeadLetterHeaders.FAILED_AT)).isEqualTo("2026-03-02T10:15:30.123Z");
	}

	@Test
	void namesWhatMadeARecordUnreadable() {
		DeserializationException unreadable = new DeserializationException("failed to deserialize", new byte[] { 1 },
				false, new IllegalArgumentException("Unexpected character ('n' (code 110))"));

		Headers written = this.headers.apply(RECORD,
				new ListenerExecutionFailedException("Listener failed", unreadable));

		assertThat(text(written, DeadLetterHeaders.ERROR)).isEqualTo(IllegalArgumentException.class.getName());
		assertThat(text(written, DeadLetterHeaders.REASON)).isEqualTo("Unexpected character ('n' (code 110))");
	}

	@Test
	void addsTheCausesMessageAndCutsALongReason() {
		Exception thrown = new IllegalStateException("Indexing failed", new IllegalArgumentException("x".repeat(3000)));

		String reason = text(this.headers.apply(RECORD, thrown), DeadLetterHeaders.REASON);

		assertThat(reason).startsWith("Indexing failed: xxx")
			.hasSize(DeadLetterHeadersFunction.MAX_REASON_CHARS + 1)
			.endsWith("…");
	}

	@Test
	void fallsBackToTheClassNameWithoutAMessage() {
		assertThat(text(this.headers.apply(RECORD, new NullPointerException()), DeadLetterHeaders.REASON))
			.isEqualTo("NullPointerException");
	}

	private static String text(Headers headers, String name) {
		return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
