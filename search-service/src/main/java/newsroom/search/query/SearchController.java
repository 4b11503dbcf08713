package newsroom.search.query;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search}: free text, filters, facets and a timeline over the indexed
 * articles.
 */
@RestController
class SearchController {

	private final SearchService service;

	SearchController(SearchService service) {
		this.service = service;
	}

	@GetMapping("/api/v1/search")
	SearchResponse search(@RequestParam MultiValueMap<String, String> parameters) {
		return this.service.search(SearchRequestParser.parse(parameters));
	}

}
