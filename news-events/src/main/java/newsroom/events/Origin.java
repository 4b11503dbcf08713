package newsroom.events;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How an article entered the pipeline.
 */
public enum Origin {

	API, BATCH, FETCH, FEED;

	@JsonValue
	public String jsonValue() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
