package newsroom.ingest.feed;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the last poll of a feed found, as the API and the feed state show it
 * ({@code pending}, {@code ok}, {@code not-modified}, {@code failed}).
 */
enum FeedStatus {

	/** Registered, not polled yet. */
	PENDING("pending"),

	/** Fetched and read; its new entries were handled. */
	OK("ok"),

	/** The server answered 304 to the conditional request. */
	NOT_MODIFIED("not-modified"),

	/** Not fetched, not readable, or an entry could not be published. */
	FAILED("failed");

	private final String jsonValue;

	FeedStatus(String jsonValue) {
		this.jsonValue = jsonValue;
	}

	@JsonValue
	String jsonValue() {
		return this.jsonValue;
	}

}
