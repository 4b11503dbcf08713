package newsroom.ingest.web;

/**
 * A request to {@code /api/**} came without the configured API key, or with another one.
 */
class ApiKeyRejectedException extends RuntimeException {

	ApiKeyRejectedException(String message) {
		super(message);
	}

}
