package newsroom.ingest.article;

import newsroom.events.Origin;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/articles}: submit one article. Answers 202 once the broker has the
 * record (or it was already published with the same content).
 */
@RestController
@RequestMapping("/api/v1/articles")
class ArticleController {

	private final ArticleIntake intake;

	ArticleController(ArticleIntake intake) {
		this.intake = intake;
	}

	// produces: an Accept header the answer cannot meet is a 406 before anything is
	// published, not after.
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IngestResult> submit(@RequestBody ArticleSubmission submission) {
		return ResponseEntity.accepted().body(this.intake.submit(submission, Origin.API));
	}

}
