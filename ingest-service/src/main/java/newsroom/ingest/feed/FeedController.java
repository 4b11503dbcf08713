package newsroom.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import newsroom.ingest.fetch.ForbiddenTargetException;
import newsroom.ingest.fetch.TargetRefusedException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/feeds}: register (201), list and delete (204) the feeds that are polled.
 */
@RestController
@RequestMapping("/api/v1/feeds")
class FeedController {

	private final FeedRegistry registry;

	FeedController(FeedRegistry registry) {
		this.registry = registry;
	}

	// produces: an Accept header the answer cannot meet is a 406 before the feed is
	// registered, not after.
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<FeedView> register(@RequestBody FeedRequest request) {
		StoredFeed feed;
		try {
			feed = this.registry.register(request.url(), request.pollInterval(), request.source());
		}
		catch (ForbiddenTargetException ex) {
			throw new TargetRefusedException(ex);
		}
		return ResponseEntity.created(URI.create("/api/v1/feeds/" + feed.id())).body(FeedView.of(feed));
	}

	@GetMapping
	List<FeedView> list() {
		return this.registry.list().stream().map(FeedView::of).toList();
	}

	@GetMapping("/{id}")
	FeedView get(@PathVariable String id) {
		return this.registry.find(id)
			.map((feed) -> FeedView.of(feed.state()))
			.orElseThrow(() -> new FeedNotFoundException(id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		if (!this.registry.delete(id)) {
			throw new FeedNotFoundException(id);
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * The body of {@code POST /api/v1/feeds}.
	 *
	 * @param url the feed's URL
	 * @param pollInterval ISO-8601 duration, optional
	 * @param source the source name of its articles, optional
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record FeedRequest(String url, String pollInterval, String source) {
	}

	/**
	 * A feed as the API shows it.
	 *
	 * @param id the feed id
	 * @param url its URL
	 * @param source the source name of its articles
	 * @param pollInterval the time between polls, as an ISO-8601 duration
	 * @param lastPolledAt when it was last polled, {@code null} before the first poll
	 * @param lastStatus {@code pending}, {@code ok}, {@code not-modified} or
	 * {@code failed}
	 * @param itemsPublished entries published so far
	 * @param itemsSkipped entries skipped (neither title nor text, or invalid)
	 * @param lastError why the last poll failed, {@code null} otherwise
	 * @param configured whether it comes from configuration (it returns at restart when
	 * deleted)
	 */
	record FeedView(String id, String url, String source, Duration pollInterval, Instant lastPolledAt,
			FeedStatus lastStatus, long itemsPublished, long itemsSkipped, String lastError, boolean configured) {

		static FeedView of(StoredFeed feed) {
			return new FeedView(feed.id(), feed.url(), feed.source(), feed.pollInterval(), feed.lastPolledAt(),
					feed.lastStatus(), feed.itemsPublished(), feed.itemsSkipped(), feed.lastError(), feed.configured());
		}

	}

}
