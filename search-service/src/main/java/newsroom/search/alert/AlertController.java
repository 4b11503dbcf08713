package newsroom.search.alert;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import newsroom.search.parameter.SizeParameter;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/alerts}: saved searches whose matches are streamed on
 * {@code news.alerts.v1}. Every write is under this path, so one path rule of an API-key
 * filter covers them.
 */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

	private static final SizeParameter SIZE = new SizeParameter(20, 100);

	private final AlertRegistry registry;

	private final AlertMatchStore matches;

	AlertController(AlertRegistry registry, AlertMatchStore matches) {
		this.registry = registry;
		this.matches = matches;
	}

	// produces: an Accept header the answer cannot meet is a 406 before the alert is
	// saved, not after.
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Save a search",
			description = "The filters of /api/v1/search, at least one; articles indexed from now on that match "
					+ "are published on news.alerts.v1 and listed under /matches.")
	ResponseEntity<Alert> create(@Valid @RequestBody AlertRequest request) {
		Alert alert = this.registry.create(request);
		return ResponseEntity.created(URI.create("/api/v1/alerts/" + alert.id())).body(alert);
	}

	@GetMapping
	@Operation(summary = "Every alert", description = "Oldest first.")
	List<Alert> list() {
		return this.registry.all();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One alert", description = "404 when unknown.")
	Alert alert(@PathVariable String id) {
		return this.registry.find(id).orElseThrow(() -> new AlertNotFoundException(id));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an alert", description = "Its matches stop; 404 when unknown.")
	ResponseEntity<Void> delete(@PathVariable String id) {
		if (!this.registry.delete(id)) {
			throw new AlertNotFoundException(id);
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/matches")
	@Operation(summary = "An alert's matches", description = "Newest first; size 1..100, default 20.")
	AlertMatchesResponse matches(@PathVariable String id, @RequestParam(required = false) String size) {
		Alert alert = alert(id);
		return new AlertMatchesResponse(this.matches.matches(alert.id(), SIZE.parse(size)));
	}

}
