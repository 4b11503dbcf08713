package newsroom.search.story;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No story with the requested id is known: a 404 problem.
 */
class StoryNotFoundException extends ErrorResponseException {

	StoryNotFoundException(String id) {
		super(HttpStatus.NOT_FOUND, problem(id), null);
	}

	private static ProblemDetail problem(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No story with id '" + id + "' is known");
		problem.setTitle("Story not found");
		return problem;
	}

}
