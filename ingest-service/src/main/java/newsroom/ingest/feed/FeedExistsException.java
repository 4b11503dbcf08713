package newsroom.ingest.feed;

import newsroom.ingest.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A feed with the same URL is registered already; answered with 409 naming its id under
 * {@code feedId}.
 */
class FeedExistsException extends ProblemException {

	FeedExistsException(StoredFeed existing) {
		super(HttpStatus.CONFLICT, "Feed already registered",
				"The feed " + existing.url() + " is registered already, with id " + existing.id() + ".",
				"A feed with this URL is registered already: " + existing.id(), null);
		getBody().setProperty("feedId", existing.id());
	}

}
