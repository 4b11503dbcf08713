package newsroom.search.trend;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import newsroom.search.parameter.SizeParameter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/trends}: the entities on the rise.
 */
@RestController
class TrendsController {

	static final SizeParameter SIZE = new SizeParameter(10, 100);

	private final Trends trends;

	TrendsController(Trends trends) {
		this.trends = trends;
	}

	@GetMapping("/api/v1/trends")
	@Operation(summary = "Entities on the rise",
			description = "Articles per entity published in the window ending now against the window before it; "
					+ "only rising entities, the largest rise first.")
	TrendsResponse trends(
			@Parameter(description = "ISO-8601 duration, PT1H to P366D, default P1D") @RequestParam(
					required = false) String window,
			@Parameter(description = "How many, 1 to 100, default 10") @RequestParam(required = false) String size) {
		return this.trends.trends(TrendWindow.parse(window), SIZE.parse(size));
	}

}
