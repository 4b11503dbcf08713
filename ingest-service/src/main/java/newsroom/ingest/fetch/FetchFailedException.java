package newsroom.ingest.fetch;

import java.util.Locale;

/**
 * A page or feed could not be fetched for a reason on the other side: the server was
 * unreachable, answered an error, redirected too often or too slowly (502 / 504), or sent
 * something that is not what was asked for (422).
 */
public class FetchFailedException extends RuntimeException {

	private final Reason reason;

	private final String url;

	public FetchFailedException(Reason reason, String url, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.url = url;
	}

	public Reason getReason() {
		return this.reason;
	}

	public String getUrl() {
		return this.url;
	}

	/**
	 * Why a fetch failed.
	 */
	public enum Reason {

		/** No connection, a broken one, or a name that does not resolve (502). */
		UNREACHABLE,

		/** The server answered with an error status (502). */
		BAD_STATUS,

		/** More redirects than allowed, or a redirect without a usable target (502). */
		REDIRECTS,

		/** No connection or no data in time (504). */
		TIMEOUT,

		/** The answer is not of a content type that can be ingested (422). */
		UNSUPPORTED_CONTENT,

		/** The answer is larger than the size cap (422). */
		TOO_LARGE;

		/**
		 * The tag value of this reason in metrics.
		 * @return lower-case with dashes
		 */
		public String tag() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
