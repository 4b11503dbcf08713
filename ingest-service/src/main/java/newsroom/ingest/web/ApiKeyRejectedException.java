package newsroom.ingest.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A request to {@code /api/**} came without the configured API key, or with another one;
 * answered with 401 and the header that names the scheme.
 */
class ApiKeyRejectedException extends ProblemException {

	ApiKeyRejectedException(String message) {
		super(HttpStatus.UNAUTHORIZED, "Missing or invalid API key", message, message, null);
		getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeyFilter.HEADER + "\"");
	}

}
