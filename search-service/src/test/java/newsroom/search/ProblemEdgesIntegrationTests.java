package newsroom.search;

import java.util.List;

import newsroom.testkit.fuzz.FuzzRequest;
import newsroom.testkit.fuzz.ProblemEdge;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that the framework refused in ways of its own, found by
 * {@link MalformedRequestsIntegrationTests}: each is a 4xx problem on the real server,
 * never a 500, an answer without a body, or Tomcat's error page.
 */
class ProblemEdgesIntegrationTests extends RealServersTestSupport {

	@LocalServerPort
	private int port;

	@Test
	void answersAProblemWhateverTheClientAccepts() {
		List<ProblemEdge> edges = List.of(
				new ProblemEdge(FuzzRequest.of("GET", "/api/v1/search?q=troops").withHeader("Accept", ";;;"), 406),
				new ProblemEdge(FuzzRequest.of("GET", "/api/v1/articles/" + uniqueId("unknown"))
					.withHeader("Accept", "text/html"), 404));

		assertThat(edges).allSatisfy((edge) -> assertThat(edge.check(this.port)).isEmpty());
	}

	@Test
	void answersAQueryStringTomcatCannotDecodeWith400() {
		List<ProblemEdge> edges = List.of(new ProblemEdge(FuzzRequest.of("GET", "/api/v1/search?=troops"), 400),
				new ProblemEdge(FuzzRequest.of("GET", "/api/v1/search?q=%u0041"), 400),
				new ProblemEdge(FuzzRequest.of("GET", "/api/v1/trends?window=P1D&%"), 400));

		assertThat(edges).allSatisfy((edge) -> assertThat(edge.check(this.port)).isEmpty());
	}

	@Test
	void answersActuatorsOwnRefusalsAsProblems() {
		assertThat(ProblemEdge.actuator()).allSatisfy((edge) -> assertThat(edge.check(this.port)).isEmpty());
	}

}
