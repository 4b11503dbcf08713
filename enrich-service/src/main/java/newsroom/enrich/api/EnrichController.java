package newsroom.enrich.api;

import jakarta.validation.Valid;
import newsroom.enrich.analysis.Enricher;
import newsroom.events.Enrichment;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs the analysers on one article and answers what they found, publishing nothing: for
 * trying the enrichment by hand.
 */
@RestController
class EnrichController {

	private final Enricher enricher;

	EnrichController(Enricher enricher) {
		this.enricher = enricher;
	}

	@PostMapping(path = "/api/v1/enrich", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Enrichment enrich(@Valid @RequestBody EnrichRequest request) {
		return this.enricher.enrich(request.title(), request.text(), request.language());
	}

}
