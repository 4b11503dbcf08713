package newsroom.search.story;

/**
 * Elasticsearch could not take a batch of story snapshots right now. The batch is retried
 * with the service's back-off, and no offset moves past it.
 */
class StoriesUnavailableException extends RuntimeException {

	StoriesUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
