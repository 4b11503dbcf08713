package newsroom.search.query;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import newsroom.search.index.ArticleHit;
import newsroom.search.index.ArticleNotFoundException;
import newsroom.search.index.IndexDocument;
import newsroom.search.parameter.SizeParameter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/articles/{id}/related}: articles about the same things.
 */
@RestController
class RelatedController {

	static final SizeParameter SIZE = new SizeParameter(5, 50);

	private final RelatedArticles related;

	RelatedController(RelatedArticles related) {
		this.related = related;
	}

	@GetMapping("/api/v1/articles/{id}/related")
	@Operation(summary = "Articles about the same things",
			description = "More-like-this over headline, summary and text, plus shared entities; the article "
					+ "and its near-duplicates are left out. 404 when the article is unknown.")
	RelatedResponse related(@PathVariable String id,
			@Parameter(description = "How many, 1 to 50, default 5") @RequestParam(required = false) String size) {
		int count = SIZE.parse(size);
		if (!IndexDocument.isUsableId(id)) {
			throw new ArticleNotFoundException(id);
		}
		return new RelatedResponse(this.related.find(id, count).orElseThrow(() -> new ArticleNotFoundException(id)));
	}

	/**
	 * The answer: related articles, most related first, shaped like search hits.
	 *
	 * @param hits the related articles
	 */
	record RelatedResponse(List<ArticleHit> hits) {
	}

}
