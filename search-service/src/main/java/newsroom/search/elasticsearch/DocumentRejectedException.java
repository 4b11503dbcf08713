package newsroom.search.elasticsearch;

/**
 * A record that cannot be written as it is: Elasticsearch refused the document, or it
 * lacks what writing it needs. Retrying cannot help, so the error handler sends the
 * record to its dead-letter topic instead of retrying it.
 */
public class DocumentRejectedException extends RuntimeException {

	private final String documentId;

	/**
	 * A rejection of one document.
	 * @param documentId the id of the refused document (an article or a story), or
	 * {@code null} when the record had none
	 * @param reason why it was refused
	 */
	public DocumentRejectedException(String documentId, String reason) {
		super(reason);
		this.documentId = documentId;
	}

	/**
	 * The id of the rejected document.
	 * @return the id, possibly {@code null} when the record had none
	 */
	public String documentId() {
		return this.documentId;
	}

}
