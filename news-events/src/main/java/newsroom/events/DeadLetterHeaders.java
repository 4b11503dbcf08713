package newsroom.events;

/**
 * Headers added to a record parked on a dead-letter topic, telling an operator why it
 * failed.
 */
public final class DeadLetterHeaders {

	/** Class name of the exception that rejected the record. */
	public static final String ERROR = "x-newsroom-error";

	/** Message of that exception, for a person to act on. */
	public static final String REASON = "x-newsroom-reason";

	/** ISO-8601 instant at which the record was parked. */
	public static final String FAILED_AT = "x-newsroom-failed-at";

	private DeadLetterHeaders() {
	}

}
