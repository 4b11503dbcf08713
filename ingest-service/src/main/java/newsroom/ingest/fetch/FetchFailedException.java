package newsroom.ingest.fetch;

import java.util.Locale;

import newsroom.ingest.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A page or feed could not be fetched for a reason on the other side: the server was
 * unreachable, answered an error, redirected too often or too slowly (502 / 504), or sent
 * something that is not what was asked for (422). The answer names the reason.
 */
public class FetchFailedException extends ProblemException {

	private final Reason reason;

	private final String url;

	public FetchFailedException(Reason reason, String url, String message, Throwable cause) {
		super(reason.status, reason.title(), "Fetching " + url + " failed: " + message + ".", message, cause);
		getBody().setProperty("reason", reason.tag());
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
		UNREACHABLE(HttpStatus.BAD_GATEWAY),

		/** The server answered with an error status (502). */
		BAD_STATUS(HttpStatus.BAD_GATEWAY),

		/** More redirects than allowed, or a redirect without a usable target (502). */
		REDIRECTS(HttpStatus.BAD_GATEWAY),

		/** No connection or no data in time (504). */
		TIMEOUT(HttpStatus.GATEWAY_TIMEOUT),

		/** The answer is not of a content type that can be ingested (422). */
		UNSUPPORTED_CONTENT(HttpStatus.UNPROCESSABLE_CONTENT),

		/** The answer is larger than the size cap (422). */
		TOO_LARGE(HttpStatus.UNPROCESSABLE_CONTENT);

		private final HttpStatus status;

		Reason(HttpStatus status) {
			this.status = status;
		}

		/**
		 * The tag value of this reason in metrics.
		 * @return lower-case with dashes
		 */
		public String tag() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		private String title() {
			return switch (this.status) {
				case GATEWAY_TIMEOUT -> "Upstream timeout";
				case UNPROCESSABLE_CONTENT -> "Unsupported upstream content";
				default -> "Upstream failure";
			};
		}

	}

}
