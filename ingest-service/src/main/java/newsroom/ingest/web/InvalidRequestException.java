package newsroom.ingest.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

/**
 * A request a client must fix: answered with 400 and every offending field under
 * {@code errors: [{field, message}]}. Each feature names its own kind (an invalid
 * article, feed or fetch request) by extending it.
 */
public class InvalidRequestException extends ProblemException {

	/** The problem property that lists the invalid fields. */
	public static final String ERRORS = "errors";

	private final List<FieldProblem> problems;

	/**
	 * A 400 whose detail names each problem ("url must be ...; title must not be
	 * blank.").
	 * @param title the problem's title, for example {@code Invalid article}
	 * @param problems one per invalid field, at least one
	 */
	public InvalidRequestException(String title, List<FieldProblem> problems) {
		this(title,
				problems.stream()
					.map((problem) -> problem.field() + " " + problem.message())
					.collect(Collectors.joining("; ", "", ".")),
				problems);
	}

	/**
	 * A 400 with a detail of its own.
	 * @param title the problem's title
	 * @param detail what a person reads
	 * @param problems one per invalid field, at least one
	 */
	protected InvalidRequestException(String title, String detail, List<FieldProblem> problems) {
		super(HttpStatus.BAD_REQUEST, title, detail,
				title + ": " + problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ")),
				null);
		this.problems = List.copyOf(problems);
		getBody().setProperty(ERRORS, this.problems);
	}

	/**
	 * The invalid fields.
	 * @return one entry per problem, in the order they are answered
	 */
	public List<FieldProblem> getProblems() {
		return this.problems;
	}

}
