package newsroom.events;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How an article entered the pipeline.
 */
public enum Origin {

	API, BATCH, FETCH, FEED;

	@JsonValue
	public String jsonValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
