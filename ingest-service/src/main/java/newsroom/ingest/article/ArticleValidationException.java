package newsroom.ingest.article;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A submitted article is invalid; carries every offending field. Answered with 400.
 */
public class ArticleValidationException extends RuntimeException {

	private final List<FieldProblem> problems;

	public ArticleValidationException(List<FieldProblem> problems) {
		super("Invalid article: "
				+ problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ")));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> getProblems() {
		return this.problems;
	}

}
