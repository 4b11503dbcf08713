package newsroom.enrich.api;

import jakarta.validation.Valid;
import newsroom.enrich.analysis.Analysis;
import newsroom.enrich.analysis.Enricher;
import newsroom.enrich.duplicate.DuplicateIndex;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs the analysers on one article and answers what they found, publishing nothing and
 * recording nothing: for trying the enrichment by hand. {@code duplicateOf} names an
 * article already enriched that the text near-duplicates.
 */
@RestController
class EnrichController {

	/** Not an article id: every article in the index counts as earlier. */
	private static final String NO_ID = "";

	private final Enricher enricher;

	private final DuplicateIndex duplicates;

	EnrichController(Enricher enricher, DuplicateIndex duplicates) {
		this.enricher = enricher;
		this.duplicates = duplicates;
	}

	@PostMapping(path = "/api/v1/enrich", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	EnrichResponse enrich(@Valid @RequestBody EnrichRequest request) {
		Analysis analysis = this.enricher.analyse(request.title(), request.text(), request.language());
		return EnrichResponse.of(analysis,
				this.duplicates.earlierDuplicate(NO_ID, analysis.fingerprint()).orElse(null));
	}

}
