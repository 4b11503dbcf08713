package newsroom.search.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import newsroom.search.parameter.CursorCodec;
import newsroom.search.parameter.ParameterValidation;
import newsroom.search.parameter.QueryParameters;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search}: free text, filters, facets and a timeline over the indexed
 * articles. The query parameters are read by name into {@link SearchParameters} (the
 * dashboard's every keystroke comes here, and Spring's data binding cost more than the
 * rest of the answer's making) and Bean Validation checks them; every bad parameter is in
 * the one 400 answer.
 */
@RestController
class SearchController {

	private final SearchService service;

	private final CursorCodec cursors;

	private final ParameterValidation validation;

	SearchController(SearchService service, CursorCodec cursors, ParameterValidation validation) {
		this.service = service;
		this.cursors = cursors;
		this.validation = validation;
	}

	@GetMapping("/api/v1/search")
	@Operation(summary = "Search articles",
			description = "Free text, filters, facets, a timeline and cursor paging. Several entity or tag values "
					+ "narrow (all must match); several source values widen (any may match). Facets and the "
					+ "timeline count articles, also with collapse=story.")
	@Parameter(name = "q", in = ParameterIn.QUERY,
			description = "Simple query string: \"phrase\", -word, a | b (or OR), word* (3+ letters before *)")
	@Parameter(name = "entity", in = ParameterIn.QUERY, description = "Exact entity name; repeatable")
	@Parameter(name = "tag", in = ParameterIn.QUERY, description = "IPTC Media Topic slug; repeatable")
	@Parameter(name = "source", in = ParameterIn.QUERY, description = "Publisher; repeatable")
	@Parameter(name = "language", in = ParameterIn.QUERY, description = "ISO 639-1 code")
	@Parameter(name = "from", in = ParameterIn.QUERY,
			description = "Earliest publishedAt: 2024-11-01 (whole UTC day) or 2024-11-01T10:00:00Z")
	@Parameter(name = "to", in = ParameterIn.QUERY,
			description = "Latest publishedAt: 2024-11-01 (whole UTC day, included) or a date-time")
	@Parameter(name = "sort", in = ParameterIn.QUERY,
			description = "relevance (default with q) or newest (default without q)")
	@Parameter(name = "size", in = ParameterIn.QUERY, description = "Hits per page, 1 to 100, default 20")
	@Parameter(name = "cursor", in = ParameterIn.QUERY,
			description = "The nextCursor of the previous page, with the same q and filters")
	@Parameter(name = "collapse", in = ParameterIn.QUERY,
			description = "story: one hit per story (its best article) with the story's articleCount and sources; "
					+ "total then counts stories")
	SearchResponse search(HttpServletRequest request) {
		SearchParameters parameters = this.validation.valid(SearchParameters.of(new QueryParameters(request)),
				"searchParameters");
		return this.service.search(parameters.search(this.cursors));
	}

}
