package newsroom.search.index;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No article with the requested id is in the index: a 404 problem.
 */
public class ArticleNotFoundException extends ErrorResponseException {

	/**
	 * A 404 naming the article.
	 * @param id the id that was asked for
	 */
	public ArticleNotFoundException(String id) {
		super(HttpStatus.NOT_FOUND, problem(id), null);
	}

	private static ProblemDetail problem(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No article with id '" + id + "' is indexed");
		problem.setTitle("Article not found");
		return problem;
	}

}
