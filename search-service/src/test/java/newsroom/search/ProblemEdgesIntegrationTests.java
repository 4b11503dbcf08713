package newsroom.search;

import newsroom.testkit.fuzz.FuzzAnswer;
import newsroom.testkit.fuzz.FuzzRequest;
import newsroom.testkit.fuzz.RawHttp;
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
	void answersAnAcceptHeaderThatDoesNotParseWithAProblem() {
		FuzzAnswer answer = RawHttp.sendOnce(this.port,
				FuzzRequest.of("GET", "/api/v1/search?q=troops").withHeader("Accept", ";;;"));

		assertThat(answer.status()).isEqualTo(406);
		assertThat(answer.contractViolations()).isEmpty();
	}

	@Test
	void answersAProblemWhateverTheClientAccepts() {
		FuzzAnswer answer = RawHttp.sendOnce(this.port,
				FuzzRequest.of("GET", "/api/v1/articles/" + uniqueId("unknown")).withHeader("Accept", "text/html"));

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.contractViolations()).isEmpty();
	}

	@Test
	void answersAQueryStringTomcatCannotDecodeWith400() {
		for (String query : new String[] { "=troops", "q=%u0041", "q=troops&%" }) {
			FuzzAnswer answer = RawHttp.sendOnce(this.port, FuzzRequest.of("GET", "/api/v1/search?" + query));

			assertThat(answer.status()).as(query).isEqualTo(400);
			assertThat(answer.header("Content-Type")).as(query)
				.hasValueSatisfying((type) -> assertThat(type).startsWith(FuzzAnswer.PROBLEM_JSON));
			assertThat(answer.json().orElseThrow().path("title").asString()).isEqualTo("Malformed query string");
		}
	}

	@Test
	void answersAWildcardContentTypeWith415() {
		FuzzAnswer answer = RawHttp.sendOnce(this.port,
				FuzzRequest.of("GET", "/actuator/health").withHeader("Content-Type", "application/*"));

		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.contractViolations()).isEmpty();
	}

	@Test
	void answersAHealthPathNamingNothingWith404() {
		FuzzAnswer answer = RawHttp.sendOnce(this.port, FuzzRequest.of("GET", "/actuator/health/nothing/here"));

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.contractViolations()).isEmpty();
	}

}
