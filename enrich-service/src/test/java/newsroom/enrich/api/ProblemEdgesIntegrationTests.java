package newsroom.enrich.api;

import newsroom.enrich.EnrichServiceIntegrationTest;
import newsroom.testkit.fuzz.FuzzAnswer;
import newsroom.testkit.fuzz.FuzzRequest;
import newsroom.testkit.fuzz.HostileValues;
import newsroom.testkit.fuzz.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that the framework refused in ways of its own, found by
 * {@link MalformedRequestsIntegrationTests}: each is a 4xx problem on the real server,
 * never a 500 nor an answer without a body.
 */
class ProblemEdgesIntegrationTests extends EnrichServiceIntegrationTest {

	@LocalServerPort
	private int port;

	@Test
	void answersAnAcceptHeaderThatDoesNotParseWithAProblem() {
		FuzzAnswer answer = RawHttp.sendOnce(this.port,
				FuzzRequest.of("POST", "/api/v1/enrich")
					.withHeader("Content-Type", "application/json")
					.withHeader("Accept", ";;;")
					.withBody(HostileValues.utf8("{\"title\": \"T\", \"text\": \"The council met.\"}"), false));

		assertThat(answer.status()).isEqualTo(406);
		assertThat(answer.contractViolations()).isEmpty();
	}

	@Test
	void answersAWildcardContentTypeWith415() {
		FuzzAnswer answer = RawHttp.sendOnce(this.port,
				FuzzRequest.of("GET", "/actuator/health").withHeader("Content-Type", "application/*"));

		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.contractViolations()).isEmpty();
	}

	@Test
	void answersAQueryStringTomcatCannotDecodeWith400() {
		FuzzAnswer answer = RawHttp.sendOnce(this.port, FuzzRequest.of("GET", "/actuator/health?format=%"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contractViolations()).isEmpty();
		assertThat(answer.answeredByContainer()).isFalse();
	}

	@Test
	void answersAHealthPathNamingNothingWith404() {
		FuzzAnswer answer = RawHttp.sendOnce(this.port, FuzzRequest.of("GET", "/actuator/health/nothing/here"));

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.contractViolations()).isEmpty();
	}

}
