package newsroom.search.story;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.validation.Valid;
import newsroom.search.parameter.CursorCodec;
import newsroom.search.parameter.ParameterBinding;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/stories} and {@code GET /api/v1/stories/{id}}: the stories
 * enrich-service grouped articles of several sources into, by size or recency, and one
 * story with its articles.
 */
@RestController
class StoryController {

	private final Stories stories;

	private final CursorCodec cursors;

	StoryController(Stories stories, CursorCodec cursors) {
		this.stories = stories;
		this.cursors = cursors;
	}

	@InitBinder("storiesParameters")
	void bindParametersAsSent(WebDataBinder binder) {
		ParameterBinding.bindAsSent(binder);
	}

	@GetMapping("/api/v1/stories")
	@Operation(summary = "Top stories",
			description = "Stories (articles of any sources about one event), the largest or the most recent first. "
					+ "Several entity or tag values narrow (all must match); several source values widen.")
	@Parameter(name = "from", in = ParameterIn.QUERY,
			description = "Stories with an article published at or after: 2024-11-01 or 2024-11-01T10:00:00Z")
	@Parameter(name = "to", in = ParameterIn.QUERY,
			description = "Stories with an article published at or before: 2024-11-01 (whole UTC day) or a date-time")
	@Parameter(name = "tag", in = ParameterIn.QUERY, description = "IPTC Media Topic slug; repeatable")
	@Parameter(name = "entity", in = ParameterIn.QUERY,
			description = "Exact name among the story's entities; repeatable")
	@Parameter(name = "source", in = ParameterIn.QUERY, description = "A source of the story; repeatable")
	@Parameter(name = "sort", in = ParameterIn.QUERY,
			description = "size (most articles first, the default) or newest (latest article first)")
	@Parameter(name = "size", in = ParameterIn.QUERY, description = "Stories per page, 1 to 100, default 20")
	@Parameter(name = "cursor", in = ParameterIn.QUERY,
			description = "The nextCursor of the previous page, with the same filters and sort")
	StoriesResponse stories(@Parameter(hidden = true) @Valid StoriesParameters parameters) {
		return this.stories.list(parameters.query(this.cursors));
	}

	@GetMapping("/api/v1/stories/{id}")
	@Operation(summary = "One story",
			description = "The story and its articles as search hits, oldest first (at most 100); 404 when unknown.")
	StoriesResponse.Detail story(@PathVariable String id) {
		return this.stories.find(id).orElseThrow(() -> new StoryNotFoundException(id));
	}

}
