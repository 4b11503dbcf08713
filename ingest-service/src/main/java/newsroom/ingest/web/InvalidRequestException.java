package newsroom.ingest.web;

import java.util.List;
import java.util.stream.Collectors;

import newsroom.ingest.article.FieldProblem;

/**
 * A request other than an article submission is invalid (a feed registration, a fetch);
 * carries every offending field. Answered with 400 like an invalid article.
 */
public class InvalidRequestException extends RuntimeException {

	private final String title;

	private final List<FieldProblem> problems;

	public InvalidRequestException(String title, List<FieldProblem> problems) {
		super(title + ": " + problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ")));
		this.title = title;
		this.problems = List.copyOf(problems);
	}

	public String getTitle() {
		return this.title;
	}

	public List<FieldProblem> getProblems() {
		return this.problems;
	}

}
