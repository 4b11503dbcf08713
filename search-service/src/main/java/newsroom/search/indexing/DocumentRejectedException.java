package newsroom.search.indexing;

/**
 * An enriched article that cannot be indexed as it is (Elasticsearch refused the
 * document, or it lacks what indexing needs). Retrying cannot help: the record goes to
 * the dead-letter topic.
 */
class DocumentRejectedException extends RuntimeException {

	private final String articleId;

	DocumentRejectedException(String articleId, String reason) {
		super(reason);
		this.articleId = articleId;
	}

	/**
	 * The id of the rejected article.
	 * @return the id, possibly {@code null} when the record had none
	 */
	String articleId() {
		return this.articleId;
	}

}
