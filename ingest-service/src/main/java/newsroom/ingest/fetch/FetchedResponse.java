package newsroom.ingest.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * What a fetch brought back.
 *
 * @param url the URL finally answered, after redirects
 * @param notModified {@code true} when the server answered 304 to a conditional request;
 * there is no body then
 * @param mediaType the media type of the body, lower-case without parameters, empty when
 * not given
 * @param charset the charset the server declared, if any
 * @param body the body (empty when not modified)
 * @param etag the {@code ETag} of the answer, to send back in {@code If-None-Match}
 * @param lastModified the {@code Last-Modified} of the answer, to send back in
 * {@code If-Modified-Since}
 */
public record FetchedResponse(URI url, boolean notModified, String mediaType, Optional<Charset> charset, byte[] body,
		Optional<String> etag, Optional<String> lastModified) {

}
