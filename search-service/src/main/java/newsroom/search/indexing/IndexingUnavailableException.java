package newsroom.search.indexing;

/**
 * Elasticsearch could not take a batch right now (unreachable, overloaded, failing, or
 * the alias missing). The whole batch is retried with back-off and no offset moves past
 * it.
 */
class IndexingUnavailableException extends RuntimeException {

	IndexingUnavailableException(String message) {
		super(message);
	}

	IndexingUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
