package newsroom.ingest.web;

import java.io.IOException;

import org.springframework.util.unit.DataSize;

/**
 * A request body is larger than {@code newsroom.ingest.max-body-size}. An
 * {@link IOException} because it is raised while the body is read, where message
 * converters expect those.
 */
class RequestBodyTooLargeException extends IOException {

	private final DataSize limit;

	RequestBodyTooLargeException(DataSize limit) {
		super("The request body is larger than the limit of " + limit.toBytes() + " bytes");
		this.limit = limit;
	}

	DataSize getLimit() {
		return this.limit;
	}

}
