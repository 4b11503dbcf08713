package newsroom.ingest.feed;

import java.util.Optional;

/**
 * What one poll of a feed found.
 *
 * @param status how it went
 * @param error why it failed, {@code null} otherwise
 * @param published entries published
 * @param skipped entries skipped (neither title nor text, or invalid)
 * @param etag the {@code ETag} to send next time, empty to keep the last one
 * @param lastModified the {@code Last-Modified} to send next time, empty to keep the last
 * one
 */
record PollResult(FeedStatus status, String error, int published, int skipped, Optional<String> etag,
		Optional<String> lastModified) {

	static PollResult failed(String error) {
		return failed(error, 0, 0);
	}

	static PollResult failed(String error, int published, int skipped) {
		return new PollResult(FeedStatus.FAILED, error, published, skipped, Optional.empty(), Optional.empty());
	}

	static PollResult notModified() {
		return new PollResult(FeedStatus.NOT_MODIFIED, null, 0, 0, Optional.empty(), Optional.empty());
	}

	boolean isFailure() {
		return this.status == FeedStatus.FAILED;
	}

}
