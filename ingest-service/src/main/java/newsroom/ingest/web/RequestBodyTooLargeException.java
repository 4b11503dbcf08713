package newsroom.ingest.web;

import java.io.IOException;

import org.springframework.util.unit.DataSize;

/**
 * A request body is larger than {@code newsroom.ingest.max-body-size} (or the batch
 * limit). An {@link IOException} because it is raised while the body is read, where
 * message converters expect those.
 */
class RequestBodyTooLargeException extends IOException {

	private final DataSize limit;

	private final String setting;

	RequestBodyTooLargeException(DataSize limit, String setting) {
		super("The request body is larger than the limit of " + limit.toBytes() + " bytes");
		this.limit = limit;
		this.setting = setting;
	}

	String getSetting() {
		return this.setting;
	}

	DataSize getLimit() {
		return this.limit;
	}

}
