package newsroom.testkit.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A request that the framework once refused in a way of its own (a 500, Tomcat's error
 * page, an answer without a body), found by the fuzz tests, with the status it must get
 * now, as a problem of the application's: the regression tests send it to each service.
 *
 * @param request the request
 * @param status the status it must be answered with
 */
public record ProblemEdge(FuzzRequest request, int status) {

	/**
	 * The Actuator edges every service shares: a wildcard {@code Content-Type} (was a
	 * 500), a health path of unknown segments (was a 500), a query string Tomcat cannot
	 * decode (was a 500 or Tomcat's page).
	 * @return the edges
	 */
	public static List<ProblemEdge> actuator() {
		return List.of(
				new ProblemEdge(FuzzRequest.of("GET", "/actuator/health").withHeader("Content-Type", "application/*"),
						415),
				new ProblemEdge(FuzzRequest.of("GET", "/actuator/health/nothing/here"), 404),
				new ProblemEdge(FuzzRequest.of("GET", "/actuator/health?format=%"), 400));
	}

	/**
	 * Send the request and say what is wrong with the answer.
	 * @param port the server's port on the loopback address
	 * @return one line per broken rule (another status, not a problem, the container's
	 * own answer), empty when the answer is right
	 */
	public List<String> check(int port) {
		FuzzAnswer answer = RawHttp.sendOnce(port, this.request);
		List<String> wrong = new ArrayList<>(answer.contractViolations());
		if (answer.status() != this.status) {
			wrong.add("answered " + answer.status() + ", not " + this.status);
		}
		if (answer.answeredByContainer()) {
			wrong.add("answered by the container, not as a problem of the application's");
		}
		return wrong.stream().map((line) -> this.request + ": " + line).toList();
	}

}
