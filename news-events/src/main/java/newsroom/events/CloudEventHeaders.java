package newsroom.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * CloudEvents 1.0 Kafka binary-mode header names, the event types Newsroom publishes, and
 * the headers of one record ({@link #binaryMode}), so that every publisher writes them
 * alike.
 */
public final class CloudEventHeaders {

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String ID = "ce_id";

	public static final String SOURCE = "ce_source";

	public static final String TYPE = "ce_type";

	public static final String TIME = "ce_time";

	public static final String CONTENT_TYPE = "content-type";

	public static final String SPEC_VERSION_VALUE = "1.0";

	public static final String JSON = "application/json";

	public static final String RAW_TYPE = "newsroom.article.raw.v1";

	public static final String ENRICHED_TYPE = "newsroom.article.enriched.v1";

	public static final String ALERT_MATCH_TYPE = "newsroom.alert.match.v1";

	public static final String STORY_TYPE = "newsroom.story.v1";

	private CloudEventHeaders() {
	}

	/**
	 * The binary-mode headers of one record with a new random {@code ce_id}, in the order
	 * Newsroom writes them, each value in UTF-8. A map rather than Kafka headers: this
	 * module has no Kafka dependency, so a publisher copies the entries into its record.
	 * @param source the {@code ce_source}, the producing service
	 * ({@code /newsroom/enrich-service})
	 * @param type the {@code ce_type}, {@link #RAW_TYPE}, {@link #ENRICHED_TYPE},
	 * {@link #ALERT_MATCH_TYPE} or {@link #STORY_TYPE}
	 * @param time the {@code ce_time}, when the event happened
	 * @return header name to value, in writing order, unmodifiable
	 */
	public static Map<String, byte[]> binaryMode(String source, String type, Instant time) {
		return binaryMode(UUID.randomUUID().toString(), source, type, time);
	}

	/**
	 * The binary-mode headers of one record with a given {@code ce_id}: for events that
	 * have an identity of their own (an alert match is {@code alertId/articleId}), so
	 * that a consumer can recognise a repeat by the id alone.
	 * @param id the {@code ce_id}
	 * @param source the {@code ce_source}
	 * @param type the {@code ce_type}
	 * @param time the {@code ce_time}
	 * @return header name to value, in writing order, unmodifiable
	 */
	public static Map<String, byte[]> binaryMode(String id, String source, String type, Instant time) {
		Map<String, byte[]> headers = new LinkedHashMap<>();
		put(headers, SPEC_VERSION, SPEC_VERSION_VALUE);
		put(headers, ID, id);
		put(headers, SOURCE, source);
		put(headers, TYPE, type);
		put(headers, TIME, time.toString());
		put(headers, CONTENT_TYPE, JSON);
		return Collections.unmodifiableMap(headers);
	}

	private static void put(Map<String, byte[]> headers, String name, String value) {
		headers.put(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
