package newsroom.enrich.api;

import newsroom.enrich.EnrichServiceIntegrationTest;
import newsroom.testkit.fuzz.FuzzRequest;
import newsroom.testkit.fuzz.HostileValues;
import newsroom.testkit.fuzz.ProblemEdge;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that the framework refused in ways of its own, found by
 * {@link MalformedRequestsIntegrationTests}: each is a 4xx problem on the real server,
 * never a 500, an answer without a body, or Tomcat's error page.
 */
class ProblemEdgesIntegrationTests extends EnrichServiceIntegrationTest {

	@LocalServerPort
	private int port;

	@Test
	void answersAnAcceptHeaderThatDoesNotParseWithAProblem() {
		ProblemEdge edge = new ProblemEdge(FuzzRequest.of("POST", "/api/v1/enrich")
			.withHeader("Content-Type", "application/json")
			.withHeader("Accept", ";;;")
			.withBody(HostileValues.utf8("{\"title\": \"T\", \"text\": \"The council met.\"}"), false), 406);

		assertThat(edge.check(this.port)).isEmpty();
	}

	@Test
	void answersActuatorsOwnRefusalsAsProblems() {
		assertThat(ProblemEdge.actuator()).allSatisfy((edge) -> assertThat(edge.check(this.port)).isEmpty());
	}

}
