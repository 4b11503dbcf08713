package newsroom.ingest.article;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What happened to a submitted article.
 */
public enum IngestStatus {

	/** Published to the raw topic (new, or changed since its last publication). */
	ACCEPTED,

	/** Already published with the same content; nothing was published. */
	DUPLICATE;

	@JsonValue
	public String jsonValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
