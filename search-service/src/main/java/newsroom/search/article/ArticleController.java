package newsroom.search.article;

import io.swagger.v3.oas.annotations.Operation;
import newsroom.events.EnrichedArticle;
import newsroom.search.index.ArticleNotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/articles/{id}}: one article, whole, as enrich-service published it.
 */
@RestController
class ArticleController {

	private final ArticleReader reader;

	ArticleController(ArticleReader reader) {
		this.reader = reader;
	}

	@GetMapping("/api/v1/articles/{id}")
	@Operation(summary = "One article", description = "The whole enriched article; 404 when unknown.")
	EnrichedArticle article(@PathVariable String id) {
		return this.reader.find(id).orElseThrow(() -> new ArticleNotFoundException(id));
	}

}
