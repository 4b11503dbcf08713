package newsroom.ingest.article;

import java.util.List;

import newsroom.ingest.web.FieldProblem;
import newsroom.ingest.web.InvalidRequestException;

/**
 * A submitted article is invalid; carries every offending field. Answered with 400
 * {@code Invalid article}.
 */
public class ArticleValidationException extends InvalidRequestException {

	public ArticleValidationException(List<FieldProblem> problems) {
		super("Invalid article", problems);
	}

}
