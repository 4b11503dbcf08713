package newsroom.ingest.feed;

import newsroom.ingest.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * No feed is registered with the id a request names; answered with a 404 problem, as
 * every error of the API is.
 */
class FeedNotFoundException extends ProblemException {

	FeedNotFoundException(String id) {
		super(HttpStatus.NOT_FOUND, "Feed not found", "No feed with id '" + id + "' is registered.",
				"No feed with id " + id, null);
	}

}
