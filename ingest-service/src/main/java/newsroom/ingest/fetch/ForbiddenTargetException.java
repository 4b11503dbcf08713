package newsroom.ingest.fetch;

import java.net.UnknownHostException;

/**
 * A URL may not be fetched: its scheme is not http(s), or its host is (or resolves to) an
 * address the SSRF guard refuses and it is not on the allow-list. Answered with 400. An
 * {@link UnknownHostException} so that it passes unchanged through the HTTP client's
 * resolver hook, where redirect targets and every connection are checked.
 */
public class ForbiddenTargetException extends UnknownHostException {

	private final String target;

	public ForbiddenTargetException(String target, String reason) {
		super(reason);
		this.target = target;
	}

	/**
	 * The URL or host that was refused.
	 * @return the target
	 */
	public String getTarget() {
		return this.target;
	}

}
