package newsroom.events;

/**
 * CloudEvents 1.0 Kafka binary-mode header names and the event types Newsroom publishes.
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

	private CloudEventHeaders() {
	}

}
